export default definePageConfig({ navigationBarTitleText: '签署公约' });
