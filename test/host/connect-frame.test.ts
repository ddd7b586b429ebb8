import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src/host/server';
import { startCoreWorld, type CoreWorld } from '../helpers/core-world';

let world: CoreWorld;
let host: RunningHost;
beforeAll(async () => {
  world = await startCoreWorld();
  host = await startHost({ core: world.core, frameSources: [world.sandbox.url] });
});
afterAll(async () => {
  await host.close();
  await world.close();
});

const auth = () => ({ authorization: `Bearer ${host.token}` });

describe('the Connect frame in demo mode', () => {
  it('gives the page a one-time frame URL with no connect token in it', async () => {
    const res = await fetch(`${host.url}/rpc/connections.connectToken`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{}',
    });
    const text = await res.text();
    const answer = JSON.parse(text) as {
      ok: true;
      value: { kind: string; frameUrl: string; origin: string };
    };
    expect(answer.value.kind).toBe('frame');
    expect(answer.value.origin).toBe(world.sandbox.url);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\./);

    const first = await fetch(`${host.url}${answer.value.frameUrl}`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const target = new URL(first.headers.get('location')!);
    expect(target.origin).toBe(world.sandbox.url);
    expect(target.searchParams.get('connectToken')).toMatch(/^eyJ/);

    const again = await fetch(`${host.url}${answer.value.frameUrl}`, { redirect: 'manual' });
    expect(again.status).toBe(410);
  });

  it("opens nothing for an id it never issued: the one-time id is the frame's only credential", async () => {
    const res = await fetch(`${host.url}/connect-frame/AAAAAAAAAAAAAAAAAAAAAAAA`, { redirect: 'manual' });
    expect(res.status).toBe(410);
    expect(res.headers.get('location')).toBeNull();
  });
});
