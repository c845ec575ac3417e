export default definePageConfig({ navigationBarTitleText: '版本管理' });
