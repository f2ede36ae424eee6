import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The weapp build is the product and lands in dist/ (dist/app.json is the contract the WeChat devtools open);
// the h5 build is for browser tests and demos and goes to h5/dist, apart from it (and, being a dist folder, ignored
// by git and Biome like every build output).
const outputRoot = process.env.TARO_ENV === 'h5' ? 'h5/dist' : 'dist';

// In h5 the app is served next to the API proxy, so requests stay same-origin; a mini-program needs an absolute URL.
const apiBase =
  process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_URL ?? 'http://127.0.0.1:8787');

export default defineConfig<'vite'>(async (merge) => {
  const baseConfig: UserConfigExport<'vite'> = {
    projectName: 'dg-miniapp',
    date: '2025-11-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'vite',
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, { mini: {}, h5: {} });
  return merge({}, baseConfig, { mini: {}, h5: {} });
});
