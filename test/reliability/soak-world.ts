// One fault-soak run's world: a faulty sandbox and the real client, DB and sync engine on one fast clock.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventBus } from '../../src/core/events/event-bus';
import { silentLogger } from '../../src/core/logging/logger';
import { createPluggyClient, type PluggyClient, type RetryEvent } from '../../src/core/pluggy';
import { openDatabase, upsertConnection, type Db } from '../../src/core/store';
import type { SleepClock } from '../../src/core/clock';
import type { SyncApi } from '../../src/core/sync/sync-api';
import { createSyncEngine, type SyncEngine } from '../../src/core/sync/sync-engine';
import { createWebhookIntake, type WebhookIntake } from '../../src/core/webhooks/webhook-intake';
import type { Item } from '../../src/shared/pluggy';
import { startSandbox, type RunningSandbox, type SandboxOptionsInput } from '../../src/sandbox';
import { fastClock, type FastClock } from './fast-clock';

/** The mix: 10% 5xx plus resets, timeouts, 429 bursts and apiKey expiry, on every data route. */
type Faults = NonNullable<SandboxOptionsInput['faults']>;

export const SOAK_FAULTS: Faults = {
  error5xxRate: 0.1,
  resetRate: 0.03,
  timeoutRate: 0.02,
  burst429: { every: 37, length: 2 },
  forceApiKeyExpiryEvery: 23,
};

export interface SoakWorld {
  sandbox: RunningSandbox;
  client: PluggyClient;
  db: Db;
  engine: SyncEngine;
  clock: FastClock;
  /** Webhook events enter here, as the relay client hands them in (Pluggy's reads through `client`). */
  intake: WebhookIntake;
  /** Steps the core's clock (not the bank's) by `ms`, e.g. back after running fast. */
  stepCoreClock(ms: number): void;
  /** The next read of this account fails after its first page, as a bank link dropping mid-run. */
  failAccountOnce(accountId: string): void;
  /** The next Pluggy transactions read of the webhook intake meets a network blip. */
  failIntakeOnce(): void;
  retries: RetryEvent[];
  /** Creates the item at the sandbox (retrying a lost answer, as a user would) and stores it. */
  connect(user: string): Promise<Item>;
  advance(itemId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSoakWorld(options: {
  seed: string;
  transactionsPerAccount: number;
  faults?: Faults;
}): Promise<SoakWorld> {
  const clock = fastClock();
  const sandbox = await startSandbox({
    admin: true,
    seed: options.seed,
    executionMs: 60,
    pageSize: 100,
    newDataOnSync: true,
    transactionsPerAccount: options.transactionsPerAccount,
    faultsFromEnv: false,
    clock: () => clock.now(),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const retries: RetryEvent[] = [];
  const client = createPluggyClient({
    baseUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    clock,
    logger: silentLogger(),
    // The sandbox answers in milliseconds: a held request is a timeout fault, not a slow bank.
    timeoutMs: 400,
    onRetry: (event) => retries.push(event),
  });
  const dir = mkdtempSync(join(tmpdir(), 'cofre-soak-'));
  const db = openDatabase({ file: join(dir, 'cofre.db'), key: randomBytes(32) });
  // The core's clock may disagree with the bank's: the same fast time, stepped by `skew`.
  let skew = 0;
  const coreClock: SleepClock = {
    now: () => clock.now() + skew,
    sleep: (ms, signal) => clock.sleep(ms, signal),
  };
  const failing = new Set<string>();
  const api: SyncApi = {
    getItem: (id) => client.getItem(id),
    updateItem: (id, parameters) => client.updateItem(id, parameters),
    listAccounts: (id, type) => client.listAccounts(id, type),
    async *transactionPages(accountId, query, decode) {
      const fail = failing.delete(accountId);
      for await (const page of client.transactionPages(accountId, query, decode)) {
        yield page;
        if (fail) throw new Error('the bank link dropped mid-read');
      }
    },
  };
  const engine = createSyncEngine({
    db,
    api,
    clock: coreClock,
    events: createEventBus(),
    logger: silentLogger(),
  });
  let intakeBlips = 0;
  const intakePluggy = {
    transactions: (accountId: string, query: Parameters<PluggyClient['transactions']>[1]) => {
      if (intakeBlips > 0) {
        intakeBlips -= 1;
        throw new Error('socket hang up');
      }
      return client.transactions(accountId, query);
    },
  } as unknown as PluggyClient;
  const intake = createWebhookIntake({
    db: () => db,
    engine: () => engine,
    pluggy: () => intakePluggy,
    clock: coreClock,
    logger: silentLogger(),
    events: createEventBus(),
  });
  return {
    sandbox,
    client,
    db,
    engine,
    clock,
    intake,
    stepCoreClock(ms) {
      skew += ms;
    },
    failAccountOnce(accountId) {
      failing.add(accountId);
    },
    failIntakeOnce() {
      intakeBlips += 1;
    },
    retries,
    async connect(user) {
      let lastError: unknown;
      for (let attempt = 0; attempt < 10; attempt++) {
        try {
          const item = await client.createItem({
            connectorId: 0,
            parameters: { user, password: 'password-ok' },
          });
          upsertConnection(db, item);
          return item;
        } catch (error) {
          lastError = error;
        }
      }
      throw new Error('could not create the item through the faults', { cause: lastError });
    },
    async advance(itemId) {
      const res = await fetch(`${sandbox.url}/__sandbox/advance?itemId=${itemId}`, { method: 'POST' });
      if (!res.ok) throw new Error(`advance ${itemId}: ${res.status}`);
    },
    async close() {
      await engine.drain();
      db.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
