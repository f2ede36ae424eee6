import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../src/env';

describe('readEnv', () => {
  it('takes a fixed clock only in tests, so a production clock can never be pinned', () => {
    expect(readEnv({ NODE_ENV: 'test', FIXED_CLOCK: '2025-09-15T02:00:00Z' }).FIXED_CLOCK).toBe(
      '2025-09-15T02:00:00Z',
    );
    expect(() => readEnv({ NODE_ENV: 'production', FIXED_CLOCK: '2025-09-15T02:00:00Z' })).toThrow(EnvError);
    expect(() => readEnv({ NODE_ENV: 'test', FIXED_CLOCK: 'yesterday' })).toThrow(/FIXED_CLOCK/);
  });

  it('reads API_WORKERS as a small positive count', () => {
    expect(readEnv({}).API_WORKERS).toBe(1);
    expect(readEnv({ API_WORKERS: '2' }).API_WORKERS).toBe(2);
    expect(() => readEnv({ API_WORKERS: '0' })).toThrow(/API_WORKERS/);
  });
});
