// The composition of the core: DB, Pluggy client, sync engine, scheduler and every handler behind `handle`.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppInfo, AppMode } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { HealthProbe } from './app/health';
import { systemSleepClock, type SleepClock } from './clock';
import { notConfigured, type CoreContext, type PluggyConfig } from './core-context';
import { createEventBus, type EventBus } from './events/event-bus';
import { appHandlers } from './handlers/app-handlers';
import { billHandlers } from './handlers/bill-handlers';
import { connectionHandlers } from './handlers/connection-handlers';
import { moneyHandlers } from './handlers/money-handlers';
import { investmentHandlers } from './handlers/investment-handlers';
import { recordHandlers } from './handlers/record-handlers';
import { settingsHandlers } from './handlers/settings-handlers';
import { silentLogger, type Logger } from './logging/logger';
import { databaseFile, ensureDataDir } from './paths/data-dir';
import { createPluggyClient, type PluggyClient } from './pluggy';
import { createRouter, type Handlers, type Route } from './router/router';
import { createNodeKeyStore, readOnlySecrets, type KeyStore } from './secrets';
import { openSettingsFile } from './settings/settings-file';
import { interruptDeadOwnerRuns, openDatabase } from './store';
import type { StoreProgressListener } from './store/store-progress';
import { upgradeDatabase } from './store/upgrade/upgrade-in-worker';
import { createDbCacheStore } from './store/db-cache-store';
import type { Db } from './store/db';
import { createScheduler, type Scheduler } from './sync/scheduler';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine';
import { createWebhookIntake, type WebhookIntake } from './webhooks/webhook-intake';
import { createRelayLink, type RelayLink } from './relay-client/relay-link';
import { relayHandlers } from './handlers/relay-handlers';
import { raiseHealthNotices } from './notices/health-notices';
import { raiseFaturaNotices } from './notices/fatura-notices';
import { createBankHealthWatch, type BankHealthWatch } from './bank-health/bank-health-watch';
import { createConnectSessions } from './connections/connect-sessions';
import { createBankLogos, type BankLogos } from './connections/bank-logos';
import { securityHandlers } from './handlers/security-handlers';
import { backupHandlers } from './handlers/backup-handlers';
import { ledgerHandlers } from './handlers/ledger-handlers';
import { applyPendingRestore } from './backup/apply-restore';
import { checkBackupReminder } from './backup/backup-reminder';
import { consentHandlers } from './handlers/consent-handlers';
import { editHandlers } from './handlers/edit-handlers';
import { transferHandlers } from './handlers/transfer-handlers';
import { startDailyReview } from './security-review/daily-review';
import { importWrongKeyAttempts, recordWrongKeyAttempt } from './security-review/wrong-key-log';

/** Poll Pluggy at most this often while the relay delivers webhooks. */
const RELAXED_POLL_MS = 6 * 60 * 60_000;
/** How long after start the first status check of every connection waits (the first screen draws in ~1 s). */
const STARTUP_CHECK_DELAY_MS = 1_500;

export interface CoreDeps {
  dataDir: string;
  mode: AppMode;
  host: AppInfo['host'];
  version: string;
  logger?: Logger;
  clock?: SleepClock;
  /** Check handler outputs against the contract (on in tests). */
  checkOutput?: boolean;
  probes?: HealthProbe[];
  keyStore?: KeyStore;
  /** The API to talk to: the demo sandbox's, or Pluggy with the user's credentials; null = not configured. */
  pluggy?: PluggyConfig | null;
  /** Credentials came from the environment (they win over saved settings). */
  envCredentials?: boolean;
  /** The Connect page in demo mode. */
  connectUrl?: string | null;
  /** Where the host serves Connect sessions (default `/connect-frame/`, the browser host's route). */
  connectFramePrefix?: string;
  /** Where an Open Finance bank sends the user back after its OAuth step (Electron: `cofre://oauth/callback`). */
  oauthRedirectUri?: string;
  /** Start the polling/retry scheduler (off in tests that drive `scheduler.tick()` themselves). */
  scheduler?: boolean;
  /** Connect to a paired relay at start (off for one-shot CLI commands). */
  relay?: boolean;
  /** Throw the DB's error instead of starting without it (one-shot CLI commands, which need the DB). */
  requireDb?: boolean;
  /** The bus events go out on (a host that serves before the core exists hands its own in). */
  events?: EventBus;
  /** Hears a cipher conversion's or migration's progress while the DB is brought up to date. */
  onStoreProgress?: StoreProgressListener;
}

export interface Core {
  handle: Route;
  /** The channels that have a handler (the contract-completeness test compares them with the contract). */
  channels: readonly string[];
  events: EventBus;
  scheduler: Scheduler | null;
  /** The banks' own health (connector status) between webhooks, and its notices. */
  bankHealth: BankHealthWatch | null;
  /** Where webhook events enter (the relay client, tests): deduped, recorded, turned into syncs. */
  intakeWebhook: WebhookIntake;
  /** The Connect page URL of a session (token included), once; the host redirects the frame there. */
  openConnectFrame(sessionId: string): string | null;
  close(): Promise<void>;
}

export { databaseFile };

export async function createCore(deps: CoreDeps): Promise<Core> {
  const logger = deps.logger ?? silentLogger();
  const clock = deps.clock ?? systemSleepClock;
  const paths = ensureDataDir(deps.dataDir);
  const events = deps.events ?? createEventBus();
  const anyKeyStore = deps.keyStore ?? createNodeKeyStore({ paths });
  const startedAt = clock.now();
  const connectSessions = createConnectSessions(clock);

  // A DB that cannot open (wrong key, corrupt, from the future) does not stop the app: every call that
  // needs it answers with that error, and Diagnostics says what is wrong.
  let db: Db | null = null;
  let dbError: AppError | null = null;
  try {
    const file = databaseFile(paths.root, deps.mode);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const key = await anyKeyStore.getOrCreateKey();
    // A backup verified by the last session waits here: put in place before the DB opens.
    applyPendingRestore({ dbFile: file, settingsFile: paths.settingsFile }, key);
    // A long conversion or migration runs on a worker thread, so the host keeps answering meanwhile.
    await upgradeDatabase({
      file,
      key,
      ...(deps.onStoreProgress ? { onProgress: deps.onStoreProgress } : {}),
    });
    db = openDatabase({ file, key });
    importWrongKeyAttempts(db, paths.root);
  } catch (error) {
    dbError =
      error instanceof AppError
        ? error
        : new AppError('db_corrupt', 'The database could not be opened.', { cause: error });
    // A one-shot command says why on its own stderr and leaves every file of the data dir as it was.
    if (deps.requireDb) throw dbError;
    logger.error({ code: dbError.code }, 'database not opened');
    // Kept outside the DB it could not open, for the security review once it does; no key in it.
    if (dbError.code === 'db_wrong_key') recordWrongKeyAttempt(paths.root, 'keystore', clock.now());
  }
  if (db) endDeadProcessRuns(db, clock.now(), logger);
  // Read after a pending restore has put its settings in place.
  const settings = openSettingsFile(paths.settingsFile);
  // A key that cannot open the DB may be the wrong one: nothing may be sealed with it (a secrets file made
  // now would lock the right key out), so until the DB opens the secrets are read-only.
  const keyStore = dbError ? readOnlySecrets(anyKeyStore, dbError) : anyKeyStore;
  const requireDb = (): Db => {
    if (db) return db;
    throw dbError ?? new AppError('internal', 'The database is closed.');
  };

  const client: PluggyClient | null = deps.pluggy
    ? createPluggyClient({
        ...deps.pluggy,
        clock,
        logger,
        ...(db ? { cache: { store: createDbCacheStore(db, clock) } } : {}),
      })
    : null;
  const requireClient = (): PluggyClient => {
    if (client) return client;
    throw notConfigured();
  };
  const engine: SyncEngine | null =
    db && client ? createSyncEngine({ db, api: client, clock, events, logger }) : null;
  const requireEngine = (): SyncEngine => {
    if (engine) return engine;
    requireDb();
    throw notConfigured();
  };

  const logos: BankLogos | null =
    db && client
      ? createBankLogos({
          db,
          mode: deps.mode,
          fetchImage: (url) => client.connectorImage(url),
          events,
          logger,
          now: () => clock.now(),
        })
      : null;

  const ctx: CoreContext = {
    mode: deps.mode,
    host: deps.host,
    version: deps.version,
    paths,
    logger,
    clock,
    events,
    keyStore,
    settings,
    db: requireDb,
    pluggy: requireClient,
    engine: requireEngine,
    connectUrl: deps.connectUrl ?? null,
    connectSessions,
    connectFramePrefix: deps.connectFramePrefix ?? '/connect-frame/',
    oauthRedirectUri: deps.oauthRedirectUri ?? null,
    deviceId: db ? await deviceId(keyStore) : ((await keyStore.getSecret('device.id')) ?? randomUUID()),
    relay: () => relay,
    bankLogo: (imageUrl) => logos?.dataUrl(imageUrl) ?? null,
  };
  const intakeWebhook = createWebhookIntake(ctx);
  const relay: RelayLink | null = db && client ? createRelayLink(ctx, intakeWebhook) : null;

  const handlers = {
    ...appHandlers(ctx, deps.probes ?? [], startedAt),
    ...connectionHandlers(ctx),
    ...moneyHandlers(ctx),
    ...recordHandlers(ctx),
    ...settingsHandlers(ctx, {
      envCredentials: deps.envCredentials ?? false,
      clientId: deps.pluggy?.clientId ?? null,
    }),
    ...relayHandlers(ctx),
    ...securityHandlers(ctx),
    ...backupHandlers(ctx),
    ...consentHandlers(ctx),
    ...editHandlers(ctx),
    ...transferHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...investmentHandlers(ctx),
    ...billHandlers(ctx),
  } satisfies Handlers;

  const scheduler =
    db && client && engine
      ? createScheduler({
          db,
          api: client,
          engine,
          clock,
          logger,
          // With the relay delivering webhooks, polling is only a safety net; without it, it is the feed.
          pollIntervalMs: () => {
            const interval = settings.read().syncIntervalMinutes * 60_000;
            return relay?.live() ? Math.max(interval, RELAXED_POLL_MS) : interval;
          },
          afterCheck: () => {
            raiseHealthNotices(db, events, clock.now());
            raiseFaturaNotices(db, events, clock.now());
            checkBackupReminder(db, events, clock.now());
          },
        })
      : null;
  if (relay && deps.relay !== false) {
    void relay.start().catch((error: unknown) => logger.error({ err: error }, 'relay start failed'));
  }
  let startupCheck: NodeJS.Timeout | undefined;
  if (scheduler && deps.scheduler !== false) {
    // Startup checks run in the background, once the first screen has had its answers: their syncs (and the
    // first Pluggy call's module loading) would otherwise share this thread with the window's first requests.
    startupCheck = setTimeout(() => {
      void scheduler
        .start()
        .catch((error: unknown) => logger.error({ err: error }, 'scheduler start failed'));
    }, STARTUP_CHECK_DELAY_MS);
    startupCheck.unref();
  }

  const bankHealth =
    db && client ? createBankHealthWatch({ db, api: client, events, logger, now: () => clock.now() }) : null;
  if (bankHealth && deps.scheduler !== false) bankHealth.start();

  const stopReview = db ? startDailyReview({ db, events, logger, now: () => clock.now() }) : null;

  const handle = createRouter(handlers, { logger, checkOutput: deps.checkOutput ?? false });
  return {
    handle,
    channels: Object.keys(handlers),
    events,
    scheduler,
    bankHealth,
    intakeWebhook,
    openConnectFrame: (id) => connectSessions.redeem(id),
    async close() {
      stopReview?.();
      clearTimeout(startupCheck);
      scheduler?.stop();
      bankHealth?.stop();
      await relay?.stop();
      await engine?.drain();
      logos?.close();
      await logos?.idle();
      db?.close();
      logger.info('core closed');
    },
  };
}

/** A random id per installation, kept with the secrets; Pluggy echoes it as the items' clientUserId. */
async function deviceId(keyStore: KeyStore): Promise<string> {
  const existing = await keyStore.getSecret('device.id');
  if (existing) return existing;
  const id = randomUUID();
  await keyStore.setSecret('device.id', id);
  return id;
}

/** Runs a dead process left 'running' end as interrupted; a live one's (`cofre sync` beside the app) stay. */
function endDeadProcessRuns(db: Db, now: number, logger: Logger): void {
  try {
    const interrupted = interruptDeadOwnerRuns(db, Date.now(), new Date(now).toISOString());
    if (interrupted.length > 0) logger.info({ interrupted }, 'runs of an exited process interrupted');
  } catch (err) {
    // Not fatal: the next run of each item sweeps again before it takes its lease.
    logger.warn({ err }, 'could not end the runs of exited processes');
  }
}
