import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDb, migrateToLatest } from '@dg/db';
import { usccSchema } from '@dg/policy';
import pino from 'pino';
import { readEnv } from '../env';
import { DomainError } from '../errors';
import { EDGE_NODE_KINDS } from '../schemas/edge';
import { seedIfEmpty } from '../seed/index';
import { issueTokensBulk } from '../services/edge/lifecycle';
import { createLocalFileStore } from '../services/files/store';

// `pnpm --silent edge issue-token --serial SERIAL [--enterprise USCC]` (from the repo root), against DATABASE_URL or
// the embedded database: registers the node if new, approves it (or rotates its credential if it was already
// approved) and prints a fresh enrollment token as the LAST line, for mass enrollment at a factory. The grant is in
// the audit log (actor role edge_operator, request id `cli:<os user>@<host>`). With the embedded PGlite, stop the
// API first: one process at a time may open its data directory.

const usage = `usage: edge issue-token --serial SERIAL [--enterprise USCC] [--kind ${EDGE_NODE_KINDS.join('|')}]
                        [--vendor V] [--model M] [--site ADDRESS] [--stations N]`;

/** A refusal with its exit code: 2 for usage, 1 for what the platform refused. */
class CliExit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function fail(message: string, code = 2): never {
  throw new CliExit(message, code);
}

function exitWith(error: unknown): never {
  if (error instanceof CliExit) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.code);
  }
  throw error;
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        serial: { type: 'string' },
        enterprise: { type: 'string' },
        kind: { type: 'string', default: 'compute_box' },
        vendor: { type: 'string', default: '未登记' },
        model: { type: 'string', default: '未登记' },
        site: { type: 'string' },
        stations: { type: 'string', default: '1' },
      },
    });
  } catch (error) {
    return exitWith(new CliExit(`${(error as Error).message}\n${usage}`, 2));
  }
})();
if (positionals[0] !== 'issue-token' || !values.serial) exitWith(new CliExit(usage, 2));
const kind =
  EDGE_NODE_KINDS.find((k) => k === values.kind) ?? exitWith(new CliExit(`unknown --kind ${values.kind}`, 2));
const stations = Number(values.stations);
if (!Number.isInteger(stations) || stations < 0)
  exitWith(new CliExit('--stations must be a whole number', 2));
const uscc = values.enterprise === undefined ? undefined : usccSchema.safeParse(values.enterprise);
if (uscc && !uscc.success)
  exitWith(new CliExit(`--enterprise: ${uscc.error.issues[0]?.message ?? 'invalid USCC'}`, 2));

const env = readEnv();
const log = pino({ level: 'warn' }, pino.destination(2));
let failure: unknown;
const handle = createDb({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR, maxConnections: 2 });
try {
  await migrateToLatest(handle.db);
  if (env.SEED_DEMO) await seedIfEmpty(handle.db, log, createLocalFileStore(env.FILES_DIR));
  const serial = values.serial;
  const existing = await handle.db
    .selectFrom('edge_nodes as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .select(['n.id', 'e.uscc'])
    .where('n.serial', '=', serial)
    .executeTakeFirst();
  if (existing && uscc?.success && existing.uscc !== uscc.data)
    fail(`node ${serial} is registered to enterprise ${existing.uscc}, not ${uscc.data}`);
  let register: Parameters<typeof issueTokensBulk>[2];
  if (!existing) {
    if (!uscc?.success) fail(`node ${serial} is not registered yet: pass --enterprise USCC to register it`);
    const enterprise = await handle.db
      .selectFrom('enterprises')
      .select(['id', 'address'])
      .where('uscc', '=', uscc.data)
      .executeTakeFirst();
    if (!enterprise) fail(`no enterprise with USCC ${uscc.data} on the platform`);
    register = {
      enterpriseId: enterprise.id,
      kind,
      vendor: values.vendor,
      model: values.model,
      siteAddress: values.site ?? enterprise.address ?? '未登记',
      stationsServed: stations,
      stationLabels: [],
    };
  }
  const [grant] = await issueTokensBulk(
    {
      db: handle.db,
      env,
      now: () => new Date(),
      origin: {
        actor: { userId: null, role: 'edge_operator' },
        requestId: `cli:${os.userInfo().username}@${os.hostname()}`,
      },
      userId: null,
    },
    [serial],
    register,
  );
  if (!grant) throw new CliExit('no token issued', 1);
  process.stdout.write(
    `${existing ? 'approved' : 'registered and approved'} node ${serial} (${grant.nodeId}); token expires ${grant.expiresAt.toISOString()}\n`,
  );
  process.stdout.write(`${grant.token}\n`);
} catch (error) {
  failure = error instanceof DomainError ? new CliExit(error.message, 1) : error;
} finally {
  await handle.close();
}
if (failure) exitWith(failure);
