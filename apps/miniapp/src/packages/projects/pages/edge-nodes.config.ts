export default definePageConfig({ navigationBarTitleText: '边端智算节点' });
