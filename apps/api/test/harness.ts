import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '@dg/db';
import { createTestDatabase } from '@dg/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { type Env, readEnv } from '../src/env';
import type { AppRouter } from '../src/routers/root';
import { DEMO_PASSWORD } from '../src/seed/people';
import { type RunningServer, startServer } from '../src/server';

// Tests talk to a real server on a real port with the typed tRPC client, on PGlite and on PostgreSQL.

export interface TestApi {
  server: RunningServer;
  url: string;
  /** PostgreSQL URL of this test's database (undefined on PGlite). */
  databaseUrl: string | undefined;
  client(auth?: { token?: string; cookie?: string }): ReturnType<typeof createTRPCClient<AppRouter>>;
  /** Signs in a demo staff login over HTTP; returns the session cookie. */
  staffCookie(login: string): Promise<string>;
  /** Signs in a demo mini-program user (development WeChat code); returns the bearer token. */
  wechatToken(code: string): Promise<string>;
  close(): Promise<void>;
}

export function testEnv(extra: Record<string, string> = {}): Env {
  return readEnv({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JOBS: 'false',
    LOG_LEVEL: 'silent',
    ...extra,
  });
}

export async function startTestApi(
  dialect: DialectName,
  extraEnv: Record<string, string> = {},
): Promise<TestApi> {
  const database = await createTestDatabase(dialect);
  const filesDir = mkdtempSync(path.join(os.tmpdir(), 'dg-files-'));
  const env = testEnv({ FILES_DIR: filesDir, ...extraEnv });
  const server = await startServer(env, { database });
  const client = (auth: { token?: string; cookie?: string } = {}) =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${server.url}/trpc`,
          headers: () => ({
            ...(auth.token && { authorization: `Bearer ${auth.token}` }),
            ...(auth.cookie && { cookie: auth.cookie }),
          }),
        }),
      ],
    });
  return {
    server,
    url: server.url,
    databaseUrl: database.url,
    client,
    async staffCookie(login) {
      const response = await fetch(`${server.url}/trpc/auth.staffLogin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: DEMO_PASSWORD }),
      });
      if (!response.ok) throw new Error(`login ${login} failed: ${response.status} ${await response.text()}`);
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('no session cookie');
      return cookie;
    },
    async wechatToken(code) {
      const { token } = await client().auth.wechatLogin.mutate({ code });
      return token;
    },
    async close() {
      await server.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The tRPC error code of a failed call (e.g. 'FORBIDDEN'), or 'OK' when it succeeded. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code ?? error.message);
    throw error;
  }
}
