export default definePageConfig({ navigationBarTitleText: '边端节点' });
