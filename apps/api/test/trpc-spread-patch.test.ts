import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';

// tooling/patches/@trpc__server@11.25.2.patch swaps tRPC's object-spread helper for Object.assign. These check that
// tRPC still merges as a spread does, through the public API: a middleware extending the context.

const tag = Symbol('tag');

function contextSeenBy(extension: object) {
  const t = initTRPC.context<Record<string | symbol, unknown>>().create();
  const seen = t.procedure
    .use(({ next }) => next({ ctx: extension }))
    .query(({ ctx }) => ({
      ctx,
      own: Reflect.ownKeys(ctx),
      plainPrototype: Object.getPrototypeOf(ctx) === Object.prototype,
    }));
  return t.createCallerFactory(t.router({ seen }))({ a: 1, b: 1 }).seen();
}

describe("tRPC's patched object spread", () => {
  it('merges a middleware context over the caller context, later keys winning, symbol keys too', async () => {
    const { ctx, own } = await contextSeenBy({ b: 2, c: 3, [tag]: 'x' });
    expect(ctx).toEqual({ a: 1, b: 2, c: 3, [tag]: 'x' });
    expect(own).toEqual(['a', 'b', 'c', tag]);
  });

  it('keeps an own "__proto__" key as data and never lets it replace the prototype', async () => {
    const { ctx, own, plainPrototype } = await contextSeenBy(JSON.parse('{"__proto__": {"admin": true}}'));
    expect(plainPrototype).toBe(true);
    expect(own).toContain('__proto__');
    expect((ctx as { admin?: boolean }).admin).toBeUndefined();
  });
});
