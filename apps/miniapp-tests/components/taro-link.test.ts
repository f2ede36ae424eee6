import type { AddressInfo } from 'node:net';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taroLink } from '../../miniapp/src/api/taro-link';

const t = initTRPC.context<{ auth: string | undefined }>().create();
const router = t.router({
  echo: t.procedure
    .input(z.object({ text: z.string() }))
    .query(({ input, ctx }) => ({ text: input.text, auth: ctx.auth })),
  save: t.procedure.input(z.object({ amountFen: z.int() })).mutation(({ input }) => {
    if (input.amountFen < 0) throw new TRPCError({ code: 'BAD_REQUEST', message: '金额不能为负数' });
    return { saved: input.amountFen };
  }),
  secret: t.procedure.query(({ ctx }) => {
    if (!ctx.auth) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
    return 'ok';
  }),
});

const server = createHTTPServer({
  router,
  createContext: ({ req }) => ({ auth: req.headers.authorization }),
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (headers: Record<string, string> = {}) =>
  createTRPCClient<typeof router>({ links: [taroLink({ url: `${url}`, headers: () => headers })] });

describe('tRPC over Taro.request', () => {
  it('sends queries with their input and the bearer header, and returns the data', async () => {
    const reply = await client({ authorization: 'Bearer abc' }).echo.query({ text: '东莞 & 算力?' });
    expect(reply).toEqual({ text: '东莞 & 算力?', auth: 'Bearer abc' });
  });

  it('sends mutations as JSON bodies', async () => {
    expect(await client().save.mutate({ amountFen: 123_45 })).toEqual({ saved: 12345 });
  });

  it('turns a server error into a typed client error with the server message and code', async () => {
    const error = await client()
      .save.mutate({ amountFen: -1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<typeof router>).message).toBe('金额不能为负数');
    expect((error as TRPCClientError<typeof router>).data?.code).toBe('BAD_REQUEST');
    const unauthorized = await client()
      .secret.query()
      .catch((e: unknown) => e);
    expect((unauthorized as TRPCClientError<typeof router>).data?.code).toBe('UNAUTHORIZED');
  });

  it('reports an unreachable server as a network failure in Chinese', async () => {
    const dead = createTRPCClient<typeof router>({
      links: [taroLink({ url: 'http://127.0.0.1:9', headers: () => ({}) })],
    });
    await expect(dead.echo.query({ text: 'x' })).rejects.toThrow('网络连接失败');
  });
});
