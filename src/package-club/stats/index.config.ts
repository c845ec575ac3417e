export default definePageConfig({ navigationBarTitleText: '读书会数据', enablePullDownRefresh: true });
