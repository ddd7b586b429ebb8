import { describe, expect, it } from 'vitest';
import { createTokenCache, jwtTimes } from '../../../src/core/pluggy/token-cache';
import { createFakeClock } from './helpers/fake-clock';
import { fakeJwt } from './helpers/jwt';

const MIN = 60_000;

function setup(lifetimeMs = 120 * MIN) {
  const clock = createFakeClock();
  let issued = 0;
  const cache = createTokenCache({
    clock,
    fetchApiKey: async () => {
      issued++;
      await new Promise((r) => setTimeout(r, 5));
      const iat = clock.now() / 1000;
      return fakeJwt({ n: issued, iat, exp: Math.floor(iat + lifetimeMs / 1000) });
    },
  });
  return { clock, cache, issued: () => issued };
}

describe('the apiKey cache', () => {
  it('shares one in-flight /auth among 50 concurrent callers', async () => {
    const { cache, issued } = setup();
    const keys = await Promise.all(Array.from({ length: 50 }, () => cache.get()));
    expect(issued()).toBe(1);
    expect(new Set(keys).size).toBe(1);
  });

  it('refreshes 10 minutes before exp, not after', async () => {
    const { clock, cache, issued } = setup();
    const first = await cache.get();
    clock.advance(109 * MIN);
    expect(await cache.get()).toBe(first);
    clock.advance(1 * MIN + 1);
    expect(await cache.get()).not.toBe(first);
    expect(issued()).toBe(2);
  });

  it('caps the margin at a quarter of a short-lived key', async () => {
    const { clock, cache, issued } = setup(4 * MIN);
    const first = await cache.get();
    clock.advance(2 * MIN);
    expect(await cache.get()).toBe(first);
    clock.advance(1 * MIN + 1);
    await cache.get();
    expect(issued()).toBe(2);
  });

  it('times a key from its own lifetime on the local clock, so a PC clock ahead of Pluggy’s still reuses it', async () => {
    const clock = createFakeClock();
    let issued = 0;
    const cache = createTokenCache({
      clock,
      fetchApiKey: async () => {
        issued++;
        // Pluggy's clock is 3 hours behind this PC's: the key's `exp` is already past by the local clock.
        const iat = (clock.now() - 3 * 60 * MIN) / 1000;
        return fakeJwt({ n: issued, iat, exp: iat + 2 * 60 * 60 });
      },
    });
    const first = await cache.get();
    clock.advance(100 * MIN);
    expect(await cache.get()).toBe(first);
    expect(issued).toBe(1);
    clock.advance(10 * MIN + 1);
    expect(await cache.get()).not.toBe(first);
    expect(issued).toBe(2);
  });

  it('forgets a rejected key once, not a newer one', async () => {
    const { cache, issued } = setup();
    const old = await cache.get();
    cache.invalidate(old);
    const fresh = await cache.get();
    cache.invalidate(old);
    expect(await cache.get()).toBe(fresh);
    expect(issued()).toBe(2);
  });

  it('lets the next caller try again after a failed /auth', async () => {
    const clock = createFakeClock();
    let calls = 0;
    const cache = createTokenCache({
      clock,
      fetchApiKey: async () => {
        calls++;
        if (calls === 1) throw new Error('auth down');
        return 'opaque-key-without-exp';
      },
    });
    await expect(cache.get()).rejects.toThrow('auth down');
    expect(await cache.get()).toBe('opaque-key-without-exp');
    expect(jwtTimes('opaque-key-without-exp')).toEqual({});
  });
});
