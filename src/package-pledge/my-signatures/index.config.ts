export default definePageConfig({ navigationBarTitleText: '我的签署记录' });
