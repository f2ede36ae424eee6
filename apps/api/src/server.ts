import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type DbHandle, migrateToLatest } from '@dg/db';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { AppDeps } from './deps';
import type { Env } from './env';
import { jobs } from './jobs/index';
import { startJobRunner } from './jobs/runner';
import { createLogger } from './logger';
import { createDevSmsSender, createTencentSmsSender, type SmsSender } from './services/auth/sms';
import {
  createDevWechatAdapter,
  createWechatAdapter,
  type WechatSessionAdapter,
} from './services/auth/wechat';
import { createLocalFileStore, type FileStore } from './services/files/store';
import { demoLoginsText, seedIfEmpty } from './seed/index';

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), stops jobs, closes the database. */
  close(): Promise<void>;
}

function chooseWechat(env: Env, log: Logger): WechatSessionAdapter {
  if (env.WECHAT_APP_ID && env.WECHAT_APP_SECRET)
    return createWechatAdapter(env.WECHAT_APP_ID, env.WECHAT_APP_SECRET);
  if (env.NODE_ENV === 'production')
    throw new Error('WECHAT_APP_ID and WECHAT_APP_SECRET are required in production');
  log.warn(
    'WeChat login uses the DEVELOPMENT adapter (no WECHAT_APP_ID/WECHAT_APP_SECRET): openid = dev:<code>',
  );
  return createDevWechatAdapter();
}

function chooseSms(env: Env, log: Logger): SmsSender {
  const { SMS_SECRET_ID, SMS_SECRET_KEY, SMS_SDK_APP_ID, SMS_SIGN_NAME, SMS_TEMPLATE_ID } = env;
  if (SMS_SECRET_ID && SMS_SECRET_KEY && SMS_SDK_APP_ID && SMS_SIGN_NAME && SMS_TEMPLATE_ID) {
    return createTencentSmsSender({
      secretId: SMS_SECRET_ID,
      secretKey: SMS_SECRET_KEY,
      sdkAppId: SMS_SDK_APP_ID,
      signName: SMS_SIGN_NAME,
      templateId: SMS_TEMPLATE_ID,
    });
  }
  if (env.NODE_ENV === 'production') throw new Error('SMS_* settings are required in production');
  log.warn('SMS uses the DEVELOPMENT adapter: codes are logged and returned to the caller, not sent');
  return createDevSmsSender((message) => log.info(message));
}

const fixedClock = (at: Date) => () => at;

/** Assembles the real dependencies, migrates, seeds an empty database, starts jobs, and listens. */
export interface StartOptions {
  /** An already open database (tests: in-memory PGlite); closed with the server. Default: from `env`. */
  database?: DbHandle;
  /** Replace an adapter (tests). */
  overrides?: Partial<AppDeps>;
  /** A cluster worker: the primary has migrated and seeded already (see cluster.ts). */
  databasePrepared?: boolean;
}

/** Brings the schema up to date and seeds an empty database with the demo city (when SEED_DEMO). */
export async function prepareDatabase(
  handle: DbHandle,
  env: Env,
  log: Logger,
  files: FileStore = createLocalFileStore(env.FILES_DIR),
): Promise<void> {
  await migrateToLatest(handle.db);
  if (env.SEED_DEMO && (await seedIfEmpty(handle.db, log, files)) && env.NODE_ENV !== 'test') {
    process.stdout.write(`${demoLoginsText()}\n`);
  }
}

export function openDatabase(env: Env, log: Logger, maxConnections = env.DATABASE_POOL_SIZE): DbHandle {
  return createDb({
    url: env.DATABASE_URL,
    dataDir: env.PGLITE_DIR,
    maxConnections,
    onIdleError: (err) => log.warn({ err }, 'idle database connection lost'),
  });
}

export async function startServer(env: Env, options: StartOptions = {}): Promise<RunningServer> {
  const { overrides = {} } = options;
  const log = overrides.log ?? createLogger(env);
  const handle = options.database ?? openDatabase(env, log);
  const fileStore = overrides.fileStore ?? createLocalFileStore(env.FILES_DIR);
  if (!options.databasePrepared) await prepareDatabase(handle, env, log, fileStore);
  const deps: AppDeps = {
    env,
    db: handle.db,
    dialect: handle.dialect,
    log,
    fileStore,
    wechat: chooseWechat(env, log),
    sms: chooseSms(env, log),
    instanceId: `${process.pid}-${randomUUID().slice(0, 8)}`,
    ...(env.FIXED_CLOCK && { clock: fixedClock(new Date(env.FIXED_CLOCK)) }),
    ...overrides,
  };
  const runner = env.JOBS ? startJobRunner(deps.db, log, deps.instanceId, jobs) : undefined;
  const app = createApp(deps);
  const server = await new Promise<HttpServer>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s as HttpServer));
  });
  const { port } = server.address() as AddressInfo;
  const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
  log.info({ port, database: handle.dialect, instance: deps.instanceId }, 'API listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      log.info('shutting down: finishing in-flight requests');
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections become idle as their last response goes out: close each one as soon as it does.
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      const grace = new Promise<void>((resolve) => setTimeout(resolve, env.SHUTDOWN_GRACE_MS).unref());
      await Promise.race([drained, grace]);
      clearInterval(reaper);
      server.closeAllConnections();
      await runner?.stop();
      await handle.close();
      log.info('stopped');
    })();
    return closing;
  };
  return { url: `http://${host}:${port}`, port, deps, close };
}
