export default definePageConfig({ navigationBarTitleText: '读书会', enablePullDownRefresh: true });
