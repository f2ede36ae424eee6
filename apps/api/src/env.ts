import { z } from 'zod';

// The only module that reads process.env. Everything else receives an `Env` (tests build their own).

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** PostgreSQL when set; embedded PGlite in PGLITE_DIR otherwise. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DIR: z.string().default('data/pglite'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Server processes on this machine (node:cluster, one listening port); PostgreSQL only. Each is an ordinary
   * instance, as behind a load balancer, with its own pool of DATABASE_POOL_SIZE connections.
   */
  API_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  FILES_DIR: z.string().default('data/files'),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  BEARER_SESSION_TTL_DAYS: z.coerce.number().int().positive().default(30),
  /** Without both, WeChat login uses the development adapter (openid derived from the code) and says so in the log. */
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  /** The subscribe-message template for state-change notices; with the app id and secret it enables real sending. */
  WECHAT_SUBSCRIBE_TEMPLATE_ID: z.string().min(1).optional(),
  /** Tencent Cloud SMS; without all of them the development SMS adapter logs the code. */
  SMS_SECRET_ID: z.string().min(1).optional(),
  SMS_SECRET_KEY: z.string().min(1).optional(),
  SMS_SDK_APP_ID: z.string().min(1).optional(),
  SMS_SIGN_NAME: z.string().min(1).optional(),
  SMS_TEMPLATE_ID: z.string().min(1).optional(),
  /** Edge nodes: the heartbeat interval handed to agents, missed intervals before offline (fixed per node at approval). */
  EDGE_HEARTBEAT_INTERVAL_S: z.coerce.number().int().min(1).max(3600).default(30),
  EDGE_OFFLINE_AFTER_MISSED: z.coerce.number().int().min(1).max(100).default(3),
  EDGE_ENROLLMENT_TOKEN_TTL_HOURS: z.coerce.number().int().positive().default(72),
  /** Keep at most one metrics sample per node per this many seconds (0: every heartbeat). */
  EDGE_METRICS_SAMPLE_S: z.coerce.number().int().min(0).default(60),
  /** How long a heartbeat may wait for others to share its database write (services/edge/ingest.ts). */
  EDGE_HEARTBEAT_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(5),
  /** AES-256-GCM key (base64 of 32 bytes) for compute access details; unset: a dev key generated into the file. */
  COMPUTE_SECRETS_KEY: z.base64().optional(),
  COMPUTE_SECRETS_KEY_FILE: z.string().default('data/compute-secrets.key'),
  /** Seed the demo city on first start with an empty database. */
  SEED_DEMO: booleanFlag.default(true),
  /** Run background jobs in this instance. */
  JOBS: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * NODE_ENV=test only: procedures act at this instant instead of the system clock (benchmarks and tests replaying
   * dated rules in a separate process). Refused otherwise, so a production clock can never be pinned by mistake.
   */
  FIXED_CLOCK: z.iso.datetime({ offset: true }).optional(),
  /** Grace period for in-flight requests on SIGTERM. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(issues: string) {
    super(`invalid environment:\n${issues}`);
    this.name = 'EnvError';
  }
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  if (parsed.data.FIXED_CLOCK && parsed.data.NODE_ENV !== 'test') {
    throw new EnvError('  FIXED_CLOCK: only with NODE_ENV=test');
  }
  return parsed.data;
}

/** Whether development conveniences (dev adapters that reveal SMS codes) may be active. */
export function isDevelopment(env: Env): boolean {
  return env.NODE_ENV !== 'production';
}
