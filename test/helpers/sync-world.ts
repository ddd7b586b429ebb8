// A real sandbox, a real Pluggy client and a real encrypted DB: the world a sync integration test runs in.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventBus, type EventBus } from '../../src/core/events/event-bus';
import { silentLogger } from '../../src/core/logging/logger';
import { createPluggyClient, type PluggyClient } from '../../src/core/pluggy';
import { openDatabase, upsertConnection, type Db } from '../../src/core/store';
import { createSyncEngine, type SyncEngine } from '../../src/core/sync/sync-engine';
import { systemSleepClock } from '../../src/core/clock';
import type { Account, Item, Transaction } from '../../src/shared/pluggy';
import { startSandbox, type RunningSandbox, type SandboxStartOptions } from '../../src/sandbox';

export interface SyncWorld {
  sandbox: RunningSandbox;
  client: PluggyClient;
  db: Db;
  events: EventBus;
  engine: SyncEngine;
  dir: string;
  /** Creates an item at the sandbox (as Connect would) and stores it (as connections.save would). */
  connect(user: string, connectorId?: number): Promise<Item>;
  truth(itemId: string): Promise<{ item: Item; accounts: Account[]; transactions: Transaction[] }>;
  advance(itemId: string): Promise<void>;
  requestCounts(): Promise<Record<string, number>>;
  resetCounts(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncWorld(options: SandboxStartOptions = {}): Promise<SyncWorld> {
  const sandbox = await startSandbox({ admin: true, executionMs: 150, seed: 'sync-world', ...options });
  const client = createPluggyClient({
    baseUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    logger: silentLogger(),
    // A world that raises the sandbox's Pluggy limits raises Cofre's own pacing to match.
    ...(options.rateLimits ? { limits: { perMinute: options.rateLimits } } : {}),
  });
  const dir = mkdtempSync(join(tmpdir(), 'cofre-sync-'));
  const db = openDatabase({ file: join(dir, 'cofre.db'), key: randomBytes(32) });
  const events = createEventBus();
  const engine = createSyncEngine({
    db,
    api: client,
    clock: systemSleepClock,
    events,
    logger: silentLogger(),
  });
  const admin = async <T>(method: string, path: string): Promise<T> => {
    const res = await fetch(`${sandbox.url}${path}`, { method });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    sandbox,
    client,
    db,
    events,
    engine,
    dir,
    async connect(user, connectorId = 0) {
      const item = await client.createItem({ connectorId, parameters: { user, password: 'password-ok' } });
      upsertConnection(db, item);
      return item;
    },
    truth: (itemId) => admin('GET', `/__sandbox/truth?itemId=${itemId}`),
    advance: async (itemId) => {
      await admin('POST', `/__sandbox/advance?itemId=${itemId}`);
    },
    requestCounts: async () =>
      (await admin<{ requests: Record<string, number> }>('GET', '/__sandbox/stats')).requests,
    resetCounts: async () => {
      await admin('POST', '/__sandbox/stats/reset');
    },
    async close() {
      await engine.drain();
      db.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Live (not removed) transaction ids stored for an item, and how many rows each id has. */
export function storedIds(db: Db, itemId: string): string[] {
  return db
    .prepare(
      `SELECT t.id FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE a.connection_id = ? AND t.removed_at IS NULL ORDER BY t.id`,
    )
    .pluck()
    .all(itemId) as string[];
}
