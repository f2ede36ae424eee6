export default definePageConfig({ navigationBarTitleText: '政策自测' });
