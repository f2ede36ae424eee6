import { getHTTPStatusCodeFromError, resolveResponse } from '@trpc/server/http';
import {
  type AnyRouter,
  getErrorShape,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './request-context';

// tRPC under /trpc, mounted on Hono without an adapter between them.
//
// tRPC's own handler (resolveResponse, what its adapters and @hono/trpc-server, used here before, call) is built for
// every kind of call: batches, streams, subscriptions, method override, abort. For the one kind the clients send on
// every screen, a single JSON query (GET) or mutation (POST), it still builds two Headers, parses the URL twice, makes
// two AbortControllers joined by AbortSignal.any and wraps the request in a Proxy. In the applications bench ("my
// applications", one run before and one after) answering single calls here took the API's CPU per request from 1.71
// to 1.57 times the bare handler's. So a single call runs here: the same procedure (middlewares, input and output
// checks), answered with the same body, status and headers as resolveResponse gives (test/trpc-mount.test.ts holds
// the two side by side). Anything else, or input that is not clean JSON, goes to resolveResponse itself. The one
// difference: a single call gets no abort signal, which no procedure here reads (a client that hangs up costs the
// rest of its call, as a plain Hono route's does). The pieces come from tRPC's unstable-core entry, pinned with the
// version: an upgrade that changes what they do fails the side-by-side test.

const JSON_HEADERS = { 'content-type': 'application/json', vary: 'trpc-accept, accept' };

/** Headers a procedure adds to its response (Set-Cookie on login and logout). */
export type ResponseHeaders = Pick<Headers, 'append'>;

export interface TrpcMountOptions<TContext> {
  router: AnyRouter;
  /** Where the router is mounted: the procedure path follows it. */
  endpoint: string;
  createContext: (c: HonoContext<AppEnv>, resHeaders: ResponseHeaders) => TContext;
}

export function trpcMount<TContext>(options: TrpcMountOptions<TContext>): MiddlewareHandler<AppEnv> {
  const { router, endpoint, createContext } = options;
  const config = router._def._config;
  const prefix = `${endpoint}/`;
  const deserialize = (input: unknown) => config.transformer.input.deserialize(input);
  return async (c) => {
    const path = c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : '';
    const single = await singleCall(c, router, path);
    if (!single) return viaResolveResponse(c, options, path);
    const { procedure, type } = single;
    const input = single.input === undefined ? undefined : deserialize(single.input);
    const ctx = createContext(c, new HonoResponseHeaders(c));
    let body: unknown;
    let status = 200;
    try {
      const data = await procedure({
        path,
        getRawInput: rawInput(input),
        ctx,
        type,
        signal: undefined,
        batchIndex: 0,
      });
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      status = getHTTPStatusCodeFromError(error);
      body = { error: getErrorShape({ config, ctx, error, input, path, type }) };
    }
    // Through Hono's context, so the headers earlier middlewares set (X-Request-Id) and the procedure's cookies join.
    return c.body(
      JSON.stringify(transformTRPCResponse(config, body as never)),
      status as ContentfulStatusCode,
      JSON_HEADERS,
    );
  };
}

// Neither of the two below is a closure named where it is made (`{ append: (…) => … }`, `getRawInput: async () => …`):
// tsx, which runs the API, keeps such a closure's name with an Object.defineProperty each time one is made, and these
// would be made on every call.

/** The procedure's response headers, written through Hono's context. */
class HonoResponseHeaders implements ResponseHeaders {
  constructor(private readonly c: HonoContext<AppEnv>) {}

  append(name: string, value: string): void {
    this.c.header(name, value, { append: true });
  }
}

/** A call's input as tRPC's procedures read it. */
const rawInput = (input: unknown) => async () => input;

type Procedure = NonNullable<Awaited<ReturnType<typeof getProcedureAtPath>>>;

/** A call this mount answers itself: one procedure of the method's type, its input clean JSON (or none). */
async function singleCall(
  c: HonoContext<AppEnv>,
  router: AnyRouter,
  path: string,
): Promise<{ procedure: Procedure; type: 'query' | 'mutation'; input: unknown } | undefined> {
  const method = c.req.method;
  if (method !== 'GET' && method !== 'POST') return undefined;
  if (c.req.query('batch') !== undefined || c.req.header('trpc-accept') !== undefined) return undefined;
  const procedure = await getProcedureAtPath(router, path);
  const type = procedure?._def.type;
  if (!procedure || type !== (method === 'GET' ? 'query' : 'mutation')) return undefined;
  try {
    if (method === 'GET') {
      const raw = c.req.query('input');
      return { procedure, type, input: raw ? JSON.parse(raw) : undefined };
    }
    if (!c.req.header('content-type')?.startsWith('application/json')) return undefined;
    return { procedure, type, input: await c.req.json() };
  } catch {
    return undefined; // tRPC's own handler answers the parse error in its words
  }
}

async function viaResolveResponse<TContext>(
  c: HonoContext<AppEnv>,
  { router, createContext }: TrpcMountOptions<TContext>,
  path: string,
) {
  const response = await resolveResponse({
    router,
    // The body may have been read above (Hono keeps it): tRPC reads it through Hono's cache.
    req: new Proxy(c.req.raw, {
      get: (target, key) =>
        typeof key === 'string' && BODY_READERS.has(key)
          ? () => c.req[key as 'text']()
          : Reflect.get(target, key, target),
    }),
    path,
    createContext: async () => createContext(c, new HonoResponseHeaders(c)),
    error: null,
  });
  return c.newResponse(response.body, response);
}

const BODY_READERS = new Set(['arrayBuffer', 'blob', 'formData', 'json', 'text']);
