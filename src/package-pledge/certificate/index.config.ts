export default definePageConfig({ navigationBarTitleText: '签署证书' });
