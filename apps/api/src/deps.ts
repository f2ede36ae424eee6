import type { Database, DialectName } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Env } from './env';
import type { SmsSender } from './services/auth/sms';
import type { WechatSessionAdapter } from './services/auth/wechat';
import type { FileStore } from './services/files/store';
import type { SubscribeMessenger } from './services/notifications/subscribe-message';

/** What the app is built from. `createServer` assembles the real ones; tests may swap an adapter. */
export interface AppDeps {
  env: Env;
  db: Kysely<Database>;
  dialect: DialectName;
  log: Logger;
  fileStore: FileStore;
  wechat: WechatSessionAdapter;
  sms: SmsSender;
  /** Identifies this process in job leases and logs. */
  instanceId: string;
  /** The time procedures act at (default: the system clock); tests set it to replay dated rules such as CV-12. */
  clock?: () => Date;
  /** WeChat subscribe messages; default from env (services/notifications/messenger.ts). Tests may pass their own. */
  subscribeMessages?: SubscribeMessenger;
}
