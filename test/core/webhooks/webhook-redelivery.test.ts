import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemSleepClock } from '../../../src/core/clock';
import { createEventBus } from '../../../src/core/events/event-bus';
import { silentLogger } from '../../../src/core/logging/logger';
import type { PluggyClient } from '../../../src/core/pluggy';
import { getTransaction, getWebhookEvent, openDatabase, type Db } from '../../../src/core/store';
import type { SyncEngine } from '../../../src/core/sync/sync-engine';
import { createWebhookIntake } from '../../../src/core/webhooks/webhook-intake';
import type { Transaction } from '../../../src/shared/pluggy';
import { sampleTransaction } from '../store/sample-data';
import { ACCOUNT_ID, ITEM_ID, seedConnection } from '../store/seed';
import { tempDb, type TempDb } from '../store/temp-db';

let t: TempDb;
let db: Db;
beforeEach(() => {
  t = tempDb();
  db = openDatabase({ file: t.file, key: t.key });
  seedConnection(db);
});
afterEach(() => {
  db.close();
  t.cleanup();
});

/** Pluggy's transactions endpoint as the intake reads it: the first `failures` reads meet a network blip. */
function pluggyWith(rows: Transaction[], failures: number) {
  const calls = { count: 0 };
  const client = {
    async *transactions() {
      calls.count += 1;
      if (calls.count <= failures) throw new Error('socket hang up');
      yield { results: rows, next: null };
    },
  };
  return { client: client as unknown as PluggyClient, calls };
}

function intakeWith(client: PluggyClient) {
  const engine = {} as SyncEngine;
  return createWebhookIntake({
    db: () => db,
    engine: () => engine,
    pluggy: () => client,
    clock: systemSleepClock,
    logger: silentLogger(),
    events: createEventBus(),
  });
}

describe('a webhook whose handling failed', () => {
  const row = sampleTransaction(1, ACCOUNT_ID, { description: 'Padaria corrigida' });
  const event = {
    event: 'transactions/updated',
    eventId: 'evt-blip-1',
    itemId: ITEM_ID,
    accountId: ACCOUNT_ID,
    transactionIds: [row.id],
  };

  it('is handled again when it is delivered again, and a handled one is not', async () => {
    const { client, calls } = pluggyWith([row], 1);
    const intake = intakeWith(client);
    await expect(intake(event)).rejects.toThrow('socket hang up');
    expect(getWebhookEvent(db, event.eventId)?.outcome).toBe('failed');
    expect(getTransaction(db, row.id)).toBeNull();

    expect(await intake(event)).toMatchObject({ duplicate: false, action: 'reread' });
    expect(getTransaction(db, row.id)?.description).toBe('Padaria corrigida');
    expect(getWebhookEvent(db, event.eventId)?.outcome).toBe('reread');

    expect(await intake(event)).toMatchObject({ duplicate: true, action: 'ignored' });
    expect(calls.count).toBe(2);
  });

  it('is handled again when the process stopped before it finished', async () => {
    const { client } = pluggyWith([row], 0);
    // Recorded by a process that died while acting on it: received, never marked processed.
    db.prepare(
      `INSERT INTO webhook_events (event_id, event, item_id, received_at, payload) VALUES (?, ?, ?, ?, ?)`,
    ).run(event.eventId, event.event, ITEM_ID, new Date().toISOString(), JSON.stringify(event));
    expect(await intakeWith(client)(event)).toMatchObject({ duplicate: false, action: 'reread' });
  });

  it('is handled once when two deliveries arrive at the same time', async () => {
    const { client, calls } = pluggyWith([row], 0);
    const intake = intakeWith(client);
    const results = await Promise.all([intake(event), intake(event)]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(calls.count).toBe(1);
  });
});
