export default definePageConfig({ navigationBarTitleText: '创建读书会' });
