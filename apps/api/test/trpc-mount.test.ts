import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { notFound } from '../src/errors';
import type { AppEnv } from '../src/http/request-context';
import { trpcMount } from '../src/http/trpc';
import { type Context, publicProcedure, router } from '../src/trpc';

// src/http/trpc.ts answers single JSON calls itself and hands everything else to tRPC's resolveResponse. Each request
// below goes to two apps, that mount and tRPC's own fetch adapter over the same router and context, and must get the
// same status, body and headers.

const calls: string[] = [];

const testRouter = router({
  echo: publicProcedure
    .input(z.object({ n: z.number().int() }).strict())
    .output(z.object({ n: z.number(), signalled: z.boolean() }))
    .query(({ input, signal }) => {
      calls.push('echo');
      return { n: input.n * 2, signalled: signal !== undefined };
    }),
  noInput: publicProcedure.query(() => ({ ok: true })),
  missing: publicProcedure.query(() => {
    throw notFound();
  }),
  crash: publicProcedure.query(() => {
    throw new Error('select … from secrets');
  }),
  badOutput: publicProcedure.output(z.object({ n: z.number() })).query(() => ({ n: 'x' }) as never),
  login: publicProcedure.input(z.object({ name: z.string().min(1) })).mutation(({ input, ctx }) => {
    calls.push('login');
    ctx.resHeaders.append('Set-Cookie', `who=${input.name}; HttpOnly`);
    ctx.resHeaders.append('Set-Cookie', 'theme=light');
    return { hello: input.name };
  }),
});

const log = pino({ level: 'silent' });
const context = (resHeaders: Context['resHeaders']) =>
  ({ deps: {}, actor: null, requestId: 'req-1', ip: '127.0.0.1', log, resHeaders }) as unknown as Context;

const ours = new Hono<AppEnv>().use(
  '/trpc/*',
  async (c, next) => {
    c.header('X-Request-Id', 'req-1');
    await next();
  },
  trpcMount({
    router: testRouter,
    endpoint: '/trpc',
    createContext: (_c, resHeaders) => context(resHeaders),
  }),
);
const theirs = new Hono().use('/trpc/*', (c) =>
  fetchRequestHandler({
    router: testRouter,
    endpoint: '/trpc',
    req: c.req.raw,
    createContext: ({ resHeaders }) => context(resHeaders),
  }),
);

const get = (path: string) => ({ path, init: { method: 'GET' } });
const post = (path: string, body: string, contentType = 'application/json') => ({
  path,
  init: { method: 'POST', body, headers: { 'content-type': contentType } },
});
const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

async function answer(app: { request: Hono['request'] }, path: string, init: RequestInit) {
  const res = await app.request(`http://localhost${path}`, init);
  requestIds.push(res.headers.get('x-request-id'));
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    vary: res.headers.get('vary'),
    cookies: res.headers.getSetCookie(),
    body: await res.json(),
  };
}

/** The X-Request-Id of each answer: a middleware ahead of the mount sets it on ours. */
const requestIds: (string | null)[] = [];

const cases = {
  'a query with input': get(`/trpc/echo?${input({ n: 21 })}`),
  'a query without input': get('/trpc/noInput'),
  'input the schema refuses': get(`/trpc/echo?${input({ n: 1.5, extra: true })}`),
  'input that is not JSON': get('/trpc/echo?input=%7Bn%3A'),
  'a domain error': get('/trpc/missing'),
  'a server fault, its message kept out': get('/trpc/crash'),
  'output the schema refuses': get('/trpc/badOutput'),
  'a mutation setting cookies': post('/trpc/login', JSON.stringify({ name: '张三' })),
  'a mutation body that is not JSON': post('/trpc/login', '{"name":'),
  'a mutation with no body': post('/trpc/login', ''),
  'a mutation sent as text/plain': post('/trpc/login', '{"name":"a"}', 'text/plain'),
  'a mutation called by GET': get(`/trpc/login?${input({ name: 'a' })}`),
  'a query called by POST': post('/trpc/echo', JSON.stringify({ n: 1 })),
  'an unknown procedure': get('/trpc/nope'),
  'a batch': get(`/trpc/echo,noInput?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { n: 2 } }))}`),
};

describe('the tRPC mount', () => {
  for (const [name, { path, init }] of Object.entries(cases)) {
    it(`answers ${name} as tRPC's own handler does`, async () => {
      requestIds.length = 0;
      const [a, b] = [await answer(ours, path, init), await answer(theirs, path, init)];
      expect(requestIds).toEqual(['req-1', null]);
      // The one difference: tRPC's handler gives each call an abort signal; no procedure here reads one.
      const unsignal = (body: unknown) =>
        JSON.stringify(body).replaceAll('"signalled":true', '"signalled":false');
      expect({ ...a, body: unsignal(a.body) }).toEqual({ ...b, body: unsignal(b.body) });
    });
  }

  it('refuses in Chinese, tRPC’s own refusals and zod’s issue messages included', async () => {
    const messages: string[] = [];
    for (const { path, init } of Object.values(cases)) {
      const { status, body } = await answer(ours, path, init);
      if (status < 400) continue;
      const error = (body as { error: { message: string; data: { issues?: { message: string }[] } } }).error;
      messages.push(error.message, ...(error.data.issues ?? []).map((i) => i.message));
    }
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) expect(message).toMatch(/\p{Script=Han}/u);
  });

  it('answers single calls itself and batches through tRPC (which gives them a signal)', async () => {
    const single = await answer(ours, `/trpc/echo?${input({ n: 1 })}`, { method: 'GET' });
    expect(single.body).toEqual({ result: { data: { n: 2, signalled: false } } });
    const batch = await answer(ours, cases['a batch'].path, { method: 'GET' });
    expect((batch.body as unknown[])[0]).toEqual({ result: { data: { n: 4, signalled: true } } });
  });

  it('runs a mutation once, even when it fails', async () => {
    calls.length = 0;
    await answer(ours, '/trpc/login', post('/trpc/login', JSON.stringify({ name: '' })).init);
    await answer(ours, '/trpc/login', post('/trpc/login', JSON.stringify({ name: 'b' })).init);
    expect(calls).toEqual(['login']);
  });
});
