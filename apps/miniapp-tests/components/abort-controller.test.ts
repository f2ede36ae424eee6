import { describe, expect, it } from 'vitest';
import { AbortControllerShim, installAbortController } from '../../miniapp/src/lib/abort-controller';

describe('AbortController for the WeChat runtime', () => {
  it('aborts once: listeners hear it, the reason is kept, a removed listener is not called', () => {
    const controller = new AbortControllerShim();
    const heard: string[] = [];
    const removed = () => heard.push('removed');
    controller.signal.addEventListener('abort', () => heard.push('listener'));
    controller.signal.addEventListener('abort', removed);
    controller.signal.removeEventListener('abort', removed);
    controller.signal.onabort = () => heard.push('onabort');
    const reason = new Error('离开页面');
    controller.abort(reason);
    controller.abort(new Error('second'));
    expect(heard).toEqual(['listener', 'onabort']);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(() => controller.signal.throwIfAborted()).toThrow('离开页面');
  });

  it('is installed only where the platform has none', () => {
    const wechat: Record<string, unknown> = {};
    installAbortController(wechat);
    expect(wechat.AbortController).toBe(AbortControllerShim);
    const browser: Record<string, unknown> = { AbortController };
    installAbortController(browser);
    expect(browser.AbortController).toBe(AbortController);
  });

  it('serves tRPC’s own client without a platform AbortController', async () => {
    const { createTRPCClient } = await import('@trpc/client');
    const { observable } = await import('@trpc/server/observable');
    const native = globalThis.AbortController;
    const root = globalThis as unknown as Record<string, unknown>;
    root.AbortController = undefined;
    installAbortController(root);
    try {
      const client = createTRPCClient<never>({
        links: [
          () => () =>
            observable((o) => {
              o.next({ result: { type: 'data', data: 42 } } as never);
              o.complete();
              return () => undefined;
            }),
        ],
      });
      await expect(
        (client as unknown as { any: { query: () => Promise<number> } }).any.query(),
      ).resolves.toBe(42);
    } finally {
      root.AbortController = native;
    }
  });
});
