export const SYSTEM = '边端智算运营控制台';
export const PLATFORM = '东莞市边端智算网络平台 · 算力服务平台';
