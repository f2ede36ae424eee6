export default definePageConfig({ navigationBarTitleText: '垂直领域模型研发项目申报' });
