/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

/** Where the API lives: '' (same origin) in h5, an absolute URL in the mini-program (config/index.ts). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_ID: string;
  }
}
