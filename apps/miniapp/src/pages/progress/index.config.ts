export default definePageConfig({ navigationBarTitleText: '申报进度', enablePullDownRefresh: true });
