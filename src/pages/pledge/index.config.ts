export default definePageConfig({
  navigationBarTitleText: '自律公约',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
