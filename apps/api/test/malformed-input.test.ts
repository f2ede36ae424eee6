import { dialects } from '@dg/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { listProcedures } from './procedures';

// Every procedure, fed arbitrary JSON and broken bodies by callers allowed to reach it, answers a typed 4xx (or
// succeeds) — never a 5xx. The procedure list comes from the router, so new procedures are fuzzed too.

// Logging out would end the sessions the rest of the run needs.
const procedures = listProcedures().filter((p) => p.path !== 'auth.logout');

const RAW_BODIES = ['', 'not json', '{"a":', '[]', 'null', '"x"', '{"json":{}}', '\u0000', '9'.repeat(400)];

describe.each(dialects)('malformed input on %s', (dialect) => {
  let api: TestApi;
  let callers: Record<string, string>[];
  beforeAll(async () => {
    api = await startTestApi(dialect);
    callers = [
      {},
      { authorization: `Bearer ${await api.wechatToken('zhang')}` },
      { cookie: await api.staffCookie('city1') },
      { cookie: await api.staffCookie('admin') },
    ];
  });
  afterAll(async () => {
    await api?.close();
  });

  async function send(path: string, type: string, headers: Record<string, string>, body: string) {
    const url = `${api.url}/trpc/${path}`;
    const response =
      type === 'query'
        ? await fetch(`${url}?input=${encodeURIComponent(body)}`, { headers })
        : await fetch(url, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body,
          });
    await response.arrayBuffer();
    return response.status;
  }

  it('answers arbitrary JSON inputs with < 500 on every procedure', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...procedures),
        fc.integer({ min: 0, max: 3 }),
        fc.jsonValue({ maxDepth: 3 }),
        async (procedure, caller, input) => {
          const status = await send(procedure.path, procedure.type, callers[caller]!, JSON.stringify(input));
          if (status >= 500) failures.push(`${procedure.path} ${JSON.stringify(input)} → ${status}`);
          return status < 500;
        },
      ),
      { numRuns: 300 },
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers broken bodies and wrong shapes with < 500 on every procedure', async () => {
    // Each procedure gets three of the broken bodies (rotating through the list) from an enterprise and a city
    // caller in turn: every body reaches many procedures, and the run stays bounded as the router grows.
    const failures: string[] = [];
    for (const [i, procedure] of procedures.entries()) {
      const caller = callers[1 + (i % 2)]!;
      for (let k = 0; k < 3; k++) {
        const body = RAW_BODIES[(i * 3 + k) % RAW_BODIES.length]!;
        const status = await send(procedure.path, procedure.type, caller, body);
        if (status >= 500) failures.push(`${procedure.path} ${JSON.stringify(body)} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers garbage on the plain HTTP routes with < 500', async () => {
    const headers = callers[1]!;
    const statuses = await Promise.all([
      fetch(`${api.url}/files`, { method: 'POST', headers, body: 'plain text' }).then((r) => r.status),
      fetch(`${api.url}/files`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x\r\nbroken',
      }).then((r) => r.status),
      fetch(`${api.url}/files/not-a-uuid`, { headers }).then((r) => r.status),
      fetch(`${api.url}/files/${'9'.repeat(36)}`, { headers }).then((r) => r.status),
      fetch(`${api.url}/trpc/no.such.procedure`, { headers }).then((r) => r.status),
    ]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });

  it('refuses an oversized tRPC body with 413 before parsing it', async () => {
    const status = await fetch(`${api.url}/trpc/auth.updateProfile`, {
      method: 'POST',
      headers: { ...callers[1], 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'x'.repeat(3 * 1024 * 1024) }),
    }).then((r) => r.status);
    expect(status).toBe(413);
  });

  it('counts a chunked tRPC body (no Content-Length) as it arrives: oversized 413, small one served', async () => {
    const chunked = (text: string) =>
      fetch(`${api.url}/trpc/auth.updateProfile`, {
        method: 'POST',
        headers: { ...callers[1], 'content-type': 'application/json' },
        body: new Blob([text]).stream(),
        duplex: 'half',
      } as RequestInit);
    const big = await chunked(JSON.stringify({ displayName: 'x'.repeat(3 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    const small = await chunked(JSON.stringify({ displayName: '分块上传测试' }));
    expect(small.status).toBe(200);
  });
});
