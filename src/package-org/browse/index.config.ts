export default definePageConfig({ navigationBarTitleText: '浏览组织' });
