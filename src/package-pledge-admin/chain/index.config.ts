export default definePageConfig({ navigationBarTitleText: '校验签署链' });
