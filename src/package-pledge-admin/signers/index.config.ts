export default definePageConfig({ navigationBarTitleText: '签署名单', enablePullDownRefresh: true });
