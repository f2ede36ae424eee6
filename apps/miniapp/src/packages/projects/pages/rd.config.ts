export default definePageConfig({ navigationBarTitleText: '研发项目' });
