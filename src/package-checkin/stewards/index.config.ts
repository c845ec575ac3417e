export default definePageConfig({ navigationBarTitleText: '签到员' });
