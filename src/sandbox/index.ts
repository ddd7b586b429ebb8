// The Pluggy sandbox: a faithful local simulator of the Pluggy API on 127.0.0.1 (demo mode, tests, benchmarks).
import { createClock, type Clock } from './clock';
import type { SandboxContext } from './context';
import { FaultInjector } from './http/faults';
import { Credentials } from './http/credentials';
import { Executor } from './items/executor';
import {
  FAULTS_ENV,
  FaultOptions,
  SandboxOptions,
  WebhookRetryOptions,
  type SandboxOptionsInput,
} from './options';
import { buildServer, type RouteModule } from './server';
import { SandboxStore } from './store';
import { WebhookDispatcher } from './webhooks/dispatcher';

export { SandboxOptions, FaultOptions, WebhookRetryOptions, FAULTS_ENV } from './options';
export type { SandboxOptionsInput } from './options';
export { SANDBOX_MFA_TOKEN, SANDBOX_PASSWORD } from './items/outcomes';
export * from './admin-schemas';

export type SandboxStartOptions = SandboxOptionsInput & {
  /** Source of real time (the admin route can still push the sandbox clock forward). */
  clock?: () => number;
  /** Read fault options from the COFRE_SANDBOX_FAULTS env var too (default true). */
  faultsFromEnv?: boolean;
};

/** In-process helpers; tests should prefer the HTTP admin routes. */
export interface SandboxAdmin {
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  advance(itemId: string): void;
  advanceClock(ms: number): void;
  /** Resolves when every webhook delivery queued so far has had its first round. */
  webhooksIdle(): Promise<void>;
}

export interface RunningSandbox {
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  admin: SandboxAdmin;
  close(): Promise<void>;
}

function faultsFromEnv(): FaultOptions | undefined {
  const raw = process.env[FAULTS_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new Error(`${FAULTS_ENV} is not valid JSON`, { cause: err });
  }
  const result = FaultOptions.safeParse(parsed);
  if (!result.success)
    throw new Error(`${FAULTS_ENV}: ${result.error.issues[0]?.message ?? 'invalid fault options'}`);
  return result.data;
}

export async function startSandbox(
  input: SandboxStartOptions = {},
  extraRoutes: RouteModule[] = [],
): Promise<RunningSandbox> {
  const { clock: timeSource, faultsFromEnv: readEnv = true, ...rest } = input;
  const options = SandboxOptions.parse(rest);
  const envFaults = readEnv ? faultsFromEnv() : undefined;
  const faultOptions =
    options.faults || envFaults ? FaultOptions.parse({ ...envFaults, ...options.faults }) : undefined;
  const seed = String(options.seed);
  const clock: Clock = createClock(timeSource);
  const store = new SandboxStore(seed, options.dataDir);
  store.load();
  const hooks = new WebhookDispatcher(store, WebhookRetryOptions.parse(options.webhookRetry ?? {}));
  let url = '';
  const executor = new Executor(store, hooks, clock, {
    seed,
    clientId: options.clientId,
    executionMs: options.executionMs,
    mfaTimeoutMs: options.mfaTimeoutMs,
    transactionsPerAccount: options.transactionsPerAccount,
    newDataOnSync: options.newDataOnSync,
    ownTransfers: options.ownTransfers,
    legacyItemCreated: options.legacyItemCreated,
    baseUrl: () => url,
  });
  const faults = new FaultInjector(faultOptions, seed);
  const ctx: SandboxContext = {
    options,
    seed,
    clock,
    store,
    executor,
    hooks,
    faults,
    credentials: new Credentials(options, clock),
    stats: { counts: new Map() },
    baseUrl: () => url,
  };
  const app = buildServer(ctx, extraRoutes);
  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  url = `http://127.0.0.1:${port}`;
  executor.resumeInterrupted();

  return {
    url,
    port,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    admin: {
      requestCounts: () => Object.fromEntries(ctx.stats.counts),
      resetRequestCounts: () => ctx.stats.counts.clear(),
      advance: (itemId) => {
        const record = store.items.get(itemId);
        if (record) record.advancePending = true;
      },
      advanceClock: (ms) => clock.advance(ms),
      webhooksIdle: () => hooks.idle(),
    },
    close: async () => {
      executor.close();
      hooks.close();
      faults.releaseHeld();
      await app.close();
      store.flush();
    },
  };
}
