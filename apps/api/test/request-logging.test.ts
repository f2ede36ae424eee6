import { Writable } from 'node:stream';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../src/deps';
import { type AppEnv, requestLogging } from '../src/http/request-context';

// Every line a request logs carries its request id: the access line, and whatever a procedure or the error handler
// logs through the request's logger, which is made only when a line is written at an enabled level.

function capture(level: pino.Level) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level }, stream), lines };
}

function app(log: pino.Logger) {
  return new Hono<AppEnv>()
    .use('*', requestLogging({ log } as AppDeps))
    .get('/quiet', (c) => {
      c.var.log.info({ step: 'detail' }, 'below the level when the level is warn');
      return c.text('ok');
    })
    .get('/fails', (c) => {
      c.var.log.error({ code: 'E1' }, 'first failure');
      c.var.log.error({ code: 'E2' }, 'second failure');
      return c.text('no', 500);
    });
}

describe('request logging', () => {
  it('puts the request id on the access line and on the lines logged during the request', async () => {
    const { log, lines } = capture('info');
    const response = await app(log).request('/fails', { headers: { 'x-request-id': 'req-test-0001' } });
    expect(response.headers.get('x-request-id')).toBe('req-test-0001');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ['first failure', 'req-test-0001'],
      ['second failure', 'req-test-0001'],
      ['request', 'req-test-0001'],
    ]);
    expect(lines[0]).toMatchObject({ code: 'E1', level: 50 });
    expect(lines[2]).toMatchObject({ method: 'GET', path: '/fails', status: 500 });
  });

  it('makes no child logger for a request that logs nothing at an enabled level', async () => {
    const { log, lines } = capture('warn');
    const child = vi.spyOn(log, 'child');
    const quiet = await app(log).request('/quiet');
    expect(quiet.status).toBe(200);
    expect(child).not.toHaveBeenCalled();
    await app(log).request('/fails');
    expect(child).toHaveBeenCalledTimes(1); // one per request, however many lines it writes
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => l.msg)).toEqual(['first failure', 'second failure']);
    expect(new Set(lines.map((l) => l.requestId)).size).toBe(1);
  });
});
