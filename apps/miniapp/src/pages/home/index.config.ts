export default definePageConfig({ navigationBarTitleText: '可申报政策' });
