export default definePageConfig({ navigationBarTitleText: '扫码记录', enablePullDownRefresh: true });
