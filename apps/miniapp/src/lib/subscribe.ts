/**
 * WeChat subscribe messages (订阅消息): the mini-program must ask the person, per template, before the server may push
 * a state change to their WeChat. The template ids come from the WeChat admin console via the build's environment
 * (TARO_APP_SUBSCRIBE_TEMPLATES, comma separated); without them, or outside WeChat, only the in-app inbox is used.
 */
import Taro from '@tarojs/taro';

const TEMPLATE_IDS = (process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '').split(',').filter(Boolean);

export function canSubscribe(): boolean {
  return process.env.TARO_ENV === 'weapp' && TEMPLATE_IDS.length > 0;
}

/** Asks for the state-change templates; answers how many the person accepted. */
export async function requestStateChangeSubscription(): Promise<number> {
  if (!canSubscribe()) return 0;
  const res = (await Taro.requestSubscribeMessage({
    tmplIds: TEMPLATE_IDS,
    entityIds: [],
  })) as unknown as Record<string, string>;
  return TEMPLATE_IDS.filter((id) => res[id] === 'accept').length;
}
