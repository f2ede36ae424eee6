import { Hono } from 'hono';
import type { z } from 'zod';
import type { AppDeps } from '../deps';
import { bodyLimit } from './body-limit';
import { heartbeatBody, enrollBody } from '../schemas/edge';
import { enroll } from '../services/edge/enroll';
import { HeartbeatIngest } from '../services/edge/ingest';
import { hashSecret } from '../services/edge/secrets';
import { compiledInput } from '../input-validation';
import type { AppEnv, RequestContext } from './request-context';

/**
 * The edge protocol for node agents, ours or not (docs/edge-protocol.md), versioned under /edge/v1:
 *   POST /edge/v1/enroll     {token, serial} → 201 {nodeId, credential, heartbeatIntervalS}; bad token → 401
 *   POST /edge/v1/heartbeat  Bearer credential + metrics → 204; bad credential 401; malformed 400; revoked 403
 * Mounted ahead of the session and access-log middlewares: the heartbeat is the hot path and carries its own
 * credential, so it skips the session lookup and the per-request log line.
 */
export function edgeProtocolRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const now = () => deps.clock?.() ?? new Date();
  const ingest = new HeartbeatIngest(deps.db, {
    sampleEveryS: deps.env.EDGE_METRICS_SAMPLE_S,
    // One batch in flight per process: while it is written the next one fills, so under load the batches are large
    // and each heartbeat costs PostgreSQL least (bench:edge, which prints PostgreSQL CPU per heartbeat, showed about
    // 39 µs against 55 µs with two in flight, which also contend for the same rows). Several processes (API_WORKERS)
    // each have their own.
    maxInFlight: 1,
    lingerMs: deps.env.EDGE_HEARTBEAT_LINGER_MS,
    // Enough to share a batch's fixed cost; without this a worker holding fewer heartbeats than a full batch (256
    // agents in a closed loop are 128 a worker) would linger before every batch with the machine idle.
    fullBatch: 64,
    log: deps.log,
  });
  const checkEnroll = compiledInput(enrollBody);
  const checkHeartbeat = compiledInput(heartbeatBody);
  const limit = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => c.json(protocolError('BAD_REQUEST', '请求体过大（上限 64 KB）'), 413),
  });

  app.post('/enroll', limit, async (c) => {
    const parsed = await parseBody(c, checkEnroll);
    if (!parsed.ok) return parsed.response;
    const enrollment = await enroll(deps.db, parsed.data, now(), c.req.header('x-request-id') ?? null);
    deps.log.info({ nodeId: enrollment.nodeId, serial: parsed.data.serial }, 'edge node enrolled');
    return c.json(enrollment, 201);
  });

  app.post('/heartbeat', limit, async (c) => {
    const credential = c.req.header('authorization')?.match(/^Bearer\s+(\S{10,200})$/i)?.[1];
    if (!credential)
      return c.json(protocolError('UNAUTHORIZED', '缺少节点凭证（Authorization: Bearer …）'), 401);
    const receivedAt = now();
    const parsed = await parseBody(c, checkHeartbeat);
    if (!parsed.ok) return parsed.response;
    const outcome = await ingest.submit(hashSecret(credential), receivedAt, parsed.data);
    if (outcome === 'accepted') return c.body(null, 204);
    if (outcome === 'forbidden')
      return c.json(protocolError('FORBIDDEN', '节点已被吊销、暂停或退役，凭证不再有效'), 403);
    return c.json(protocolError('UNAUTHORIZED', '节点凭证无效'), 401);
  });

  return app;
}

function protocolError(code: string, message: string, field?: string) {
  return { error: { code, message, ...(field !== undefined && { field }) } };
}

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** JSON body through a zod schema's check; a failure answers 400 naming the first bad field by its path. */
async function parseBody<T>(
  c: RequestContext,
  check: (raw: unknown) => z.ZodSafeParseResult<T>,
): Promise<Parsed<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: c.json(protocolError('BAD_REQUEST', '请求体不是合法的 JSON', ''), 400) };
  }
  const result = check(raw);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  return {
    ok: false,
    response: c.json(
      protocolError('BAD_REQUEST', `字段 ${field || '(body)'} 不符合要求：${issue?.message ?? ''}`, field),
      400,
    ),
  };
}
