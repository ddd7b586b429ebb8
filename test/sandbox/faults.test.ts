// Fault injection over HTTP: latency, 5xx, resets, timeouts, 429 bursts, forced apiKey expiry; deterministic by seed.
import { describe, expect, it } from 'vitest';
import { Page } from '../../src/shared/pluggy';
import { z } from 'zod';
import type { FaultOptions } from '../../src/sandbox';
import { startClient, type SandboxClient } from './helpers';

const Connectors = Page(z.unknown());

async function withFaults<T>(
  faults: Partial<FaultOptions>,
  run: (c: SandboxClient) => Promise<T>,
  seed = 'faults',
): Promise<T> {
  const c = await startClient({ faults: faults as FaultOptions, seed });
  try {
    return await run(c);
  } finally {
    await c.sandbox.close();
  }
}

async function statuses(c: SandboxClient, n: number): Promise<(number | string)[]> {
  const out: (number | string)[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const r = await c.raw('GET', '/connectors', { key: c.apiKey });
      await r.arrayBuffer();
      out.push(r.status);
    } catch (err) {
      out.push(err instanceof Error ? 'network' : 'other');
    }
  }
  return out;
}

describe('sandbox faults', () => {
  it('adds latency', async () => {
    await withFaults({ latencyMs: 120 }, async (c) => {
      const t0 = performance.now();
      await c.ok(Connectors, 'GET', '/connectors');
      expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
    });
  });

  it('answers a share of requests with 5xx bodies, the same ones for the same seed', async () => {
    const a = await withFaults({ error5xxRate: 0.5 }, (c) => statuses(c, 30));
    const b = await withFaults({ error5xxRate: 0.5 }, (c) => statuses(c, 30));
    expect(a).toEqual(b);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 500 || s === 503).length).toBeGreaterThan(3);
    await withFaults({ error5xxRate: 1 }, async (c) => {
      const reply = await c.fail('GET', '/connectors');
      expect([500, 503]).toContain(reply.body.code);
    });
  });

  it('resets connections', async () => {
    await withFaults({ resetRate: 1 }, async (c) => {
      await expect(c.raw('GET', '/connectors')).rejects.toThrow();
      // /auth is exempt by default so a client can always log in.
      await c.login();
    });
  });

  it('leaves requests unanswered (timeouts)', async () => {
    await withFaults({ timeoutRate: 1 }, async (c) => {
      const started = fetch(`${c.url}/connectors`, {
        headers: { 'x-api-key': c.apiKey },
        signal: AbortSignal.timeout(300),
      });
      await expect(started).rejects.toThrow(/aborted|timeout/i);
    });
  });

  it('sends 429 bursts with the documented headers', async () => {
    await withFaults({ burst429: { every: 3, length: 2 } }, async (c) => {
      expect(await statuses(c, 10)).toEqual([200, 200, 200, 429, 429, 200, 200, 200, 429, 429]);
      await statuses(c, 3);
      const reply = await c.fail('GET', '/connectors');
      expect(reply.status).toBe(429);
      expect(reply.headers.get('retry-after')).toBe('60');
      expect(reply.headers.get('ratelimit-reset')).toBeTruthy();
    });
  });

  it('forces apiKey expiry: every Nth request with a live key answers 401 and the key stays dead until re-auth', async () => {
    await withFaults({ forceApiKeyExpiryEvery: 3 }, async (c) => {
      expect(await statuses(c, 4)).toEqual([200, 200, 401, 401]);
      await new Promise((r) => setTimeout(r, 2));
      await c.login();
      expect(await statuses(c, 3)).toEqual([200, 200, 401]);
    });
  });

  it('limits faults to the listed routes', async () => {
    await withFaults({ error5xxRate: 1, routes: ['GET /categories'] }, async (c) => {
      await c.ok(Connectors, 'GET', '/connectors');
      expect((await c.fail('GET', '/categories')).status).toBeGreaterThanOrEqual(500);
    });
  });
});

describe('sandbox faults from the environment', () => {
  it('reads COFRE_SANDBOX_FAULTS', async () => {
    process.env.COFRE_SANDBOX_FAULTS = JSON.stringify({ error5xxRate: 1 });
    try {
      const c = await startClient({ faultsFromEnv: true });
      try {
        expect((await c.fail('GET', '/connectors')).status).toBeGreaterThanOrEqual(500);
      } finally {
        await c.sandbox.close();
      }
    } finally {
      delete process.env.COFRE_SANDBOX_FAULTS;
    }
  });
});
