export default definePageConfig({ navigationBarTitleText: '算力券申报' });
