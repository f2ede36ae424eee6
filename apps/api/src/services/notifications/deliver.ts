import type { AppDeps } from '../../deps';
import { messengerOf } from './messenger';
import type { Outbox } from './state-change';

/**
 * Sends the queued WeChat messages after the state change committed. Best effort: the inbox already holds the
 * message, so a WeChat failure is logged, never turned into the caller's error.
 */
export async function deliverOutbox(deps: AppDeps, outbox: Outbox): Promise<void> {
  const messenger = messengerOf(deps);
  for (const message of outbox) {
    try {
      await messenger.send(message);
    } catch (err) {
      deps.log.warn({ err, openid: message.openid }, 'WeChat subscribe message not sent');
    }
  }
}
