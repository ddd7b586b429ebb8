// Relay durability: the relay process is SIGKILLed and restarted while the sandbox delivers webhooks, then
// comes back "an hour later" while the app was offline; the app reads every acknowledged event, hands it to
// the core's intake (re-reading a page it never acknowledged, as after a crash), and each counts once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core';
import { databaseFile } from '../../src/core/create-core';
import { openDatabase } from '../../src/core/store';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import type { RelayEvent } from '../../src/shared/relay/wire';
import { tempDir } from '../helpers/temp-dir';
import { compareWithTruth, fetchTruth } from './convergence';
import { fastClock } from './fast-clock';
import { writeFigures } from './figures';
import { seededRandom } from './prng';
import {
  RELAY_SECRET,
  SECRET_HEADER,
  freePort,
  pollEvents,
  registerDevice,
  relayDataDir,
  spawnRelay,
  type RelayChild,
} from './relay-world';
import { acknowledgedSince, callPluggy, deliveryAttempts } from './sandbox-calls';
import { SETTINGS } from './settings';

const HOUR = 3_600_000;
const dataDir = tempDir('cofre-relay-durability-');
const relayData = relayDataDir();
const random = seededRandom(424_242);
let sandbox: RunningSandbox;
let core: Core;
let relay: RelayChild | undefined;
let apiKey = '';
const figures = {
  runs: 1,
  killsSurvived: 0,
  deliveryAttempts: 0,
  deliveriesFailed: 0,
  eventsAcknowledged: 0,
  eventsDelivered: 0,
  duplicatesDropped: 0,
  eventsLost: 0,
  rowsLost: 0,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pluggy = (method: string, path: string, body?: unknown) =>
  callPluggy(sandbox.url, apiKey, method, path, body);

/** Refreshes an item at the bank; if the storm's last refresh is still running, waits for it first. */
async function refreshOnceIdle(itemId: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await pluggy('PATCH', `/items/${itemId}`, {});
      return;
    } catch (err) {
      if (tries >= 100 || !String(err).includes('ITEM_ALREADY_UPDATING')) throw err;
      await sleep(100);
    }
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({
    admin: true,
    seed: 'relay-durability',
    executionMs: 80,
    newDataOnSync: true,
    transactionsPerAccount: 60,
    faultsFromEnv: false,
    // Hundreds of hint-driven syncs in seconds: Pluggy's per-minute limits would only slow the test down.
    rateLimits: Object.fromEntries(
      ['PATCH /items/:id', 'GET /v2/transactions', 'GET /accounts', 'GET /accounts/:id', 'POST /auth'].map(
        (r) => [r, 1_000_000],
      ),
    ),
    // Pluggy retries a failed delivery later (1 h, 2 h); here the rounds are short so the test ends.
    webhookRetry: {
      attemptsPerRound: 3,
      roundDelaysMs: [200, 400, 800, 1_600, 3_200],
      timeoutMs: 3_000,
    },
  });
  const auth = (await (
    await fetch(`${sandbox.url}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }),
    })
  ).json()) as { apiKey: string };
  apiKey = auth.apiKey;
  core = await createCore({
    dataDir,
    mode: 'demo',
    host: 'test',
    version: 'test',
    scheduler: false,
    // Waits for the bank pass in milliseconds: the hundreds of syncs the events start stay quick.
    clock: fastClock(),
    pluggy: { baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
  });
}, 60_000);

afterAll(async () => {
  await relay?.kill9();
  await core.close();
  await sandbox.close();
  relayData.remove();
  writeFigures('relayDurability', figures);
});

async function settleAll(itemIds: string[]): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const list = await core.handle('connections.list', {});
    if (!list.ok) throw new Error('connections.list failed');
    const views = list.value as { itemId: string; syncing: boolean }[];
    if (itemIds.every((id) => !views.find((v) => v.itemId === id)?.syncing)) return;
    await sleep(50);
  }
  throw new Error('connections never settled');
}

describe('relay durability', () => {
  it('delivers every acknowledged webhook to the app exactly once through kills and an hour offline', async () => {
    const port = await freePort();
    relay = await spawnRelay(relayData.dir, port);
    const device = await registerDevice(relay.url);
    await pluggy('POST', '/webhooks', {
      event: 'all',
      url: `${relay.url}/hooks/pluggy`,
      headers: { [SECRET_HEADER]: RELAY_SECRET },
    });
    const itemIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const item = (await pluggy('POST', '/items', {
        connectorId: 0,
        parameters: { user: 'user-ok', password: 'password-ok' },
      })) as { id: string };
      itemIds.push(item.id);
      expect((await core.handle('connections.save', { itemId: item.id })).ok).toBe(true);
    }
    await fetch(`${relay.url}/v1/devices/me/items`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ itemIds }),
    });
    await settleAll(itemIds);

    // Events from before the device registered its items were never routed to it: count from here.
    await sleep(300);
    const stormStart = new Date().toISOString();
    // The storm: the bank keeps refreshing items (each refresh sends webhooks) while the relay dies and
    // returns; deliveries made while it is down fail and are retried by Pluggy in later rounds.
    let storming = true;
    let refreshes = 0;
    const bank = (async () => {
      while (storming) {
        for (const id of itemIds) {
          await pluggy('PATCH', `/items/${id}`, {}).then(
            () => refreshes++,
            () => undefined, // already updating: the bank is busy, fine
          );
        }
        await sleep(60 + Math.floor(random() * 120));
      }
    })();
    for (let cycle = 0; cycle < SETTINGS.relayKills; cycle++) {
      await sleep(SETTINGS.relayRefreshesPerCycle * 150 + Math.floor(random() * 300));
      await relay.kill9();
      figures.killsSurvived++;
      await sleep(100 + Math.floor(random() * 400));
      relay = await spawnRelay(relayData.dir, port);
    }
    await sleep(300);
    storming = false;
    await bank;
    expect(refreshes).toBeGreaterThan(3);
    for (const id of itemIds) await refreshOnceIdle(id);
    // Let Pluggy's retry rounds run out: every event is either acknowledged or given up on.
    let last = -1;
    for (let i = 0; i < 200; i++) {
      await sandbox.admin.webhooksIdle();
      const count = (await deliveryAttempts(sandbox.url)).length;
      if (count === last) break;
      last = count;
      await sleep(1_000);
    }

    // An hour later the relay restarts once more (pruning at start), and only then the app comes back.
    await relay.kill9();
    relay = await spawnRelay(relayData.dir, port, HOUR);
    const attempts = await deliveryAttempts(sandbox.url);
    // The sandbox keeps its last 50,000 attempts: a full log would hide acknowledged events from this check.
    expect(attempts.length).toBeLessThan(50_000);
    const acknowledged = acknowledgedSince(attempts, stormStart);
    figures.deliveryAttempts = attempts.length;
    figures.deliveriesFailed = attempts.filter((a) => a.status === null || a.status >= 300).length;
    figures.eventsAcknowledged = acknowledged.size;
    expect(acknowledged.size).toBeGreaterThan(10);
    expect(figures.deliveriesFailed).toBeGreaterThan(0);

    const fresh = new Map<string, number>();
    const intake = async (events: RelayEvent[]) => {
      for (const e of events) {
        // A hint whose handling failed (its read met a fault) is not handled: the relay client does not
        // acknowledge it and hands it in again, and only then does it count.
        let result: { duplicate: boolean } | null = null;
        for (let attempt = 0; attempt < 5 && result === null; attempt++) {
          result = await core.intakeWebhook(e.payload).catch(() => null);
        }
        if (result?.duplicate) figures.duplicatesDropped++;
        else if (result) fresh.set(e.eventId, (fresh.get(e.eventId) ?? 0) + 1);
      }
    };
    // The app reads a first page, handles it and "crashes" before acknowledging: the next read (no
    // cursor) starts over, and the intake drops what it already handled.
    await intake((await pollEvents(relay.url, device.token, undefined, 7)).events);
    let cursor: string | undefined;
    const delivered = new Set<string>();
    for (;;) {
      const page = await pollEvents(relay.url, device.token, cursor, 7);
      if (page.events.length === 0) break;
      for (const e of page.events) delivered.add(e.eventId);
      await intake(page.events);
      cursor = page.cursor ?? cursor;
    }
    figures.eventsDelivered = delivered.size;
    const lost = [...acknowledged].filter((id) => !delivered.has(id));
    figures.eventsLost = lost.length;
    expect(lost.map((id) => attempts.filter((a) => a.eventId === id))).toEqual([]);
    expect([...fresh.values()].every((n) => n === 1)).toBe(true);
    expect([...fresh.keys()].sort()).toEqual([...delivered].sort());
    expect(figures.duplicatesDropped).toBeGreaterThan(0);

    // The events were hints: the syncs they started leave the DB equal to Pluggy's data.
    await settleAll(itemIds);
    for (const id of itemIds) await core.handle('connections.sync', { itemId: id });
    await settleAll(itemIds);
    await core.close();
    const key = Buffer.from(readFileSync(join(dataDir, 'db.key'), 'utf8').trim(), 'hex');
    const db = openDatabase({ file: databaseFile(dataDir, 'demo'), key });
    try {
      const stored = db.prepare('SELECT count(*) FROM webhook_events').pluck().get();
      expect(stored).toBe(fresh.size);
      for (const id of itemIds) {
        const report = compareWithTruth(db, id, await fetchTruth(sandbox.url, id));
        figures.rowsLost += report.missing;
        expect(report).toMatchObject({ missing: 0, extra: 0, stale: 0 });
      }
    } finally {
      db.close();
      core = await createCore({
        dataDir,
        mode: 'demo',
        host: 'test',
        version: 'test',
        scheduler: false,
        pluggy: null,
      });
    }
  }, 180_000);
});
