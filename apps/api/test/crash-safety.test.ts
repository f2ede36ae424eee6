import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '@dg/db';
import { createTestDatabase, dialects, freePort } from '@dg/db/testing';
import { afterAll, describe, expect, it } from 'vitest';

// SIGKILL the API process in the middle of a write load, restart it, and find every write it had acknowledged.
const apiDir = new URL('..', import.meta.url).pathname;

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      JOBS: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('API did not become healthy');
}

async function wechatToken(url: string, code: string): Promise<string> {
  const response = await fetch(`${url}/trpc/auth.wechatLogin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return ((await response.json()) as { result: { data: { token: string } } }).result.data.token;
}

describe.each(dialects)('crash safety on %s', (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps every acknowledged write across a SIGKILL mid-load, and the database reopens', async () => {
    const filesDir = mkdtempSync(path.join(os.tmpdir(), 'dg-crash-files-'));
    cleanups.push(() => rmSync(filesDir, { recursive: true, force: true }));
    const env: Record<string, string> = { FILES_DIR: filesDir };
    if (dialect === 'postgres') {
      const database = await createTestDatabase('postgres');
      cleanups.push(() => database.close());
      env.DATABASE_URL = database.url!;
    } else {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dg-crash-pglite-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      env.PGLITE_DIR = dataDir;
    }

    const first = await startProcess(env);
    const token = await wechatToken(first.url, 'crash-writer');
    const acknowledged: string[] = [];
    let next = 0;
    // Four writers each asking for SMS codes to fresh numbers (a code row and rate-limit rows per request) until the
    // process dies under them.
    const writer = async () => {
      for (;;) {
        const mobile = `139${String(10_000_000 + next++).slice(-8)}`;
        try {
          const response = await fetch(`${first.url}/trpc/auth.requestSmsCode`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ mobile, purpose: 'bind_enterprise' }),
          });
          if (response.ok) acknowledged.push(mobile);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(5);

    // Restart on the same data: it must open cleanly (healthz runs a query) ...
    console.log(`[crash ${dialect}] ${acknowledged.length} writes acknowledged before SIGKILL; restarting`);
    const second = await startProcess(env);
    cleanups.push(() => {
      second.child.kill('SIGTERM');
    });
    const exited = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    await exited;
    // ... and hold every acknowledged invite.
    const handle = createDb({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
    try {
      const stored = new Set(
        (await handle.db.selectFrom('sms_codes').select('mobile').execute()).map((r) => r.mobile),
      );
      const lost = acknowledged.filter((mobile) => !stored.has(mobile));
      expect(lost).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 400_000);
});
