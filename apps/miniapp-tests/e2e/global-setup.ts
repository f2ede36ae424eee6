import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, type Running, startApi } from '@dg/ui/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    appUrl: string;
  }
}

const MINIAPP_DIR = fileURLToPath(new URL('../../miniapp/', import.meta.url));

/** The h5 build served by the app's own `start` script (static files + /trpc and /files forwarded to the API). */
async function startH5(apiUrl: string): Promise<Running> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve-h5.mjs'], {
    cwd: MINIAPP_DIR,
    env: { ...process.env, MINIAPP_PORT: String(port), API_URL: apiUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`h5 服务启动失败：\n${output}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`h5 服务无响应：\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export default async function setup(project: TestProject) {
  const api = await startApi();
  const h5 = await startH5(api.url).catch(async (error) => {
    await api.stop();
    throw error;
  });
  project.provide('apiUrl', api.url);
  project.provide('appUrl', h5.url);
  return async () => {
    await h5.stop();
    await api.stop();
  };
}
