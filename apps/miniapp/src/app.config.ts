// Tab pages stay in the main package and keep to lists and summaries; anything that pulls in the full policy core
// (self-check, forms, timelines) lives in a subpackage so the main package stays well under WeChat's limit.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/progress/index', 'pages/messages/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/check', pages: ['pages/index'] },
    {
      root: 'packages/apply',
      pages: ['pages/compute-voucher', 'pages/vertical-model-rd', 'pages/edge-node-deployment'],
    },
    { root: 'packages/track', pages: ['pages/detail'] },
    { root: 'packages/account', pages: ['pages/bind', 'pages/register'] },
    { root: 'packages/projects', pages: ['pages/edge-nodes', 'pages/rd'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '莞企政策通',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1f5fd6',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '可申报',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-on.png',
      },
      {
        pagePath: 'pages/progress/index',
        text: '进度',
        iconPath: 'assets/tab/progress.png',
        selectedIconPath: 'assets/tab/progress-on.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab/messages.png',
        selectedIconPath: 'assets/tab/messages-on.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-on.png',
      },
    ],
  },
  permission: {},
});
