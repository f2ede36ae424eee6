export const SYSTEM = '政策兑现审核系统';
export const PLATFORM = '东莞市“人工智能+制造”政策兑现与边端智算平台';
