export default definePageConfig({ navigationBarTitleText: '公约管理' });
