// The core's intake of events Pluggy sends without eventId: deduped, recorded; connector statuses stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../src/core/create-core';
import { ensureDataDir } from '../../../src/core/paths/data-dir';
import { createNodeKeyStore } from '../../../src/core/secrets';
import { getConnectorStatus, openDatabase } from '../../../src/core/store';
import { offsetClock, startCoreWorld, type CoreWorld } from '../../helpers/core-world';

const clock = offsetClock();
let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ clock, sandbox: { transactionsPerAccount: 30 } });
});
afterAll(() => world.close());

/** A second connection to the core's own database (WAL: reads what the core committed). */
async function openCoreDb(w: CoreWorld) {
  const keyStore = createNodeKeyStore({ paths: ensureDataDir(w.dataDir) });
  return openDatabase({ file: databaseFile(w.dataDir, 'demo'), key: await keyStore.getOrCreateKey() });
}

describe('webhook events without eventId', () => {
  it('records the status a connector/status_updated reports, once per delivery', async () => {
    const event = { event: 'connector/status_updated', id: '201', data: { status: 'UNSTABLE' } };
    const first = await world.core.intakeWebhook(event);
    expect(first).toMatchObject({ duplicate: false, action: 'recorded' });
    expect(first.eventId).toMatch(/^derived-/);
    // Pluggy's immediate retry: the same event.
    expect(await world.core.intakeWebhook({ ...event })).toMatchObject({ duplicate: true });
    const db = await openCoreDb(world);
    expect(getConnectorStatus(db, 201)).toMatchObject({ connectorId: 201, status: 'UNSTABLE' });
    // Later, back online: a new event.
    clock.advance(5 * 60_000);
    const later = await world.core.intakeWebhook({ ...event, data: { status: 'ONLINE' } });
    expect(later.duplicate).toBe(false);
    expect(getConnectorStatus(db, 201)?.status).toBe('ONLINE');
    db.close();
  });

  it('syncs once for a legacy item/created, and uses the id the relay gave it', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    const legacy = { event: 'item/created', id: itemId, itemId, clientUserId: null };
    const runs = async () =>
      (await world.call('sync.runs', { itemId, limit: 50 })).filter((r) => r.reason === 'webhook').length;
    const before = await runs();
    const first = await world.core.intakeWebhook(legacy, 'derived-from-relay-1');
    expect(first).toEqual({ eventId: 'derived-from-relay-1', duplicate: false, action: 'sync' });
    expect((await world.core.intakeWebhook(legacy, 'derived-from-relay-1')).duplicate).toBe(true);
    await world.settle(itemId);
    expect((await runs()) - before).toBe(1);
  });
});
