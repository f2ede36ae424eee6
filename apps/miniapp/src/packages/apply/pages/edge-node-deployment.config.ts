export default definePageConfig({ navigationBarTitleText: '边端智算节点部署项目申报' });
