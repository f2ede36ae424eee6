import type { AppDeps } from '../../deps';
import {
  createDevSubscribeMessenger,
  createWechatSubscribeMessenger,
  type SubscribeMessenger,
} from './subscribe-message';

const chosen = new WeakMap<AppDeps, SubscribeMessenger>();

/** The deps' messenger, or one chosen from the environment once per app: real WeChat when configured, else dev. */
export function messengerOf(deps: AppDeps): SubscribeMessenger {
  if (deps.subscribeMessages) return deps.subscribeMessages;
  let messenger = chosen.get(deps);
  if (!messenger) {
    const { WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_SUBSCRIBE_TEMPLATE_ID: template } = deps.env;
    messenger =
      WECHAT_APP_ID && WECHAT_APP_SECRET && template
        ? createWechatSubscribeMessenger({
            appId: WECHAT_APP_ID,
            secret: WECHAT_APP_SECRET,
            templateId: template,
          })
        : createDevSubscribeMessenger((line) => deps.log.info(line));
    chosen.set(deps, messenger);
  }
  return messenger;
}
