// Keeps the banks' health current between webhooks: a check per bank at most every 30 minutes, and the
// "unstable for more than an hour" notice raised or put away every minute from what is stored.
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import { getConnectorStatus, listConnections } from '../store';
import type { Db } from '../store/db';
import { raiseBankNotices } from './bank-notices';
import { checkConnectorHealth, type HealthApi } from './connector-health';

/** Pluggy's webhook says when a bank changes; the check is the safety net, so it stays rare. */
export const BANK_CHECK_EVERY_MS = 30 * 60_000;
const TICK_MS = 60_000;

export interface BankHealthWatchDeps {
  db: Db;
  api: Partial<HealthApi>;
  events: EventBus;
  logger: Logger;
  now: () => number;
}

export interface BankHealthWatch {
  /** Checks the banks due for a check, then raises or resolves notices; tests call it after moving the clock. */
  tick(): Promise<void>;
  start(): void;
  stop(): void;
}

export function createBankHealthWatch(deps: BankHealthWatchDeps): BankHealthWatch {
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | null = null;

  async function run(): Promise<void> {
    const connectorIds = new Set(
      listConnections(deps.db)
        .filter((c) => c.archivedAt === null)
        .map((c) => c.connectorId),
    );
    let changed = false;
    for (const id of connectorIds) {
      const before = getConnectorStatus(deps.db, id)?.status;
      const after = await checkConnectorHealth(deps, id, BANK_CHECK_EVERY_MS);
      changed ||= after !== null && after.status !== before;
    }
    raiseBankNotices(deps.db, deps.events, deps.now());
    if (changed)
      deps.events.emit('connections.changed', { itemId: null, at: new Date(deps.now()).toISOString() });
  }

  return {
    tick() {
      ticking ??= run().finally(() => {
        ticking = null;
      });
      return ticking;
    },
    start() {
      timer = setInterval(() => {
        this.tick().catch((error: unknown) => deps.logger.warn({ err: error }, 'bank health tick failed'));
      }, TICK_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
