export default definePageConfig({ navigationBarTitleText: '管理读书会' });
