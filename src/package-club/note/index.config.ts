export default definePageConfig({ navigationBarTitleText: '读书打卡' });
