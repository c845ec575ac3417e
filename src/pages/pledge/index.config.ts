export default definePageConfig({ navigationBarTitleText: '自律公约' });
