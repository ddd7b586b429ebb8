// Starts the core in the right mode for a Node host: demo (in-process sandbox) or live (real Pluggy).
import { join } from 'node:path';
import { APP_VERSION, createCore, ensureDataDir, type Core, type CoreDeps, type Logger } from '../core';
import { resolvePluggyCredentials } from '../core/pluggy-credentials';
import { createNodeKeyStore } from '../core/secrets';
import { startSandbox, type RunningSandbox, type SandboxStartOptions } from '../sandbox';

export interface StartCoreOptions {
  dataDir: string;
  /** Force demo mode (`--demo`); otherwise demo only when no credentials are configured. */
  demo: boolean;
  host: 'browser' | 'cli';
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Demo sandbox tuning (execution time, data size); tests make it fast. */
  sandbox?: SandboxStartOptions;
  scheduler?: boolean;
  relay?: boolean;
  /** Fail (and write nothing) when the DB cannot open, instead of starting to show the error. */
  requireDb?: boolean;
}

export interface StartedCore {
  core: Core;
  mode: 'demo' | 'live';
  /** The API the core talks to (the sandbox's in demo mode); null when live mode has no credentials. */
  pluggyBaseUrl: string | null;
  sandbox: RunningSandbox | null;
  close(): Promise<void>;
}

/** The mode chosen and the sandbox started; the core (DB open, maybe a long upgrade) is created next. */
export interface PreparedCore extends Omit<StartedCore, 'core' | 'close'> {
  /** Creates the core; `events` and `onStoreProgress` come from a host serving before it is ready. */
  create(extra?: Pick<CoreDeps, 'events' | 'onStoreProgress'>): Promise<StartedCore>;
}

export async function startCore(options: StartCoreOptions): Promise<StartedCore> {
  return (await prepareCore(options)).create();
}

export async function prepareCore(options: StartCoreOptions): Promise<PreparedCore> {
  const paths = ensureDataDir(options.dataDir);
  const env = options.env ?? process.env;
  const keyStore = createNodeKeyStore({ paths, env });
  const credentials = await resolvePluggyCredentials(env, paths.settingsFile, keyStore);
  const demo = options.demo || credentials.demoPreferred || credentials.config === null;
  const sandbox = demo
    ? await startSandbox({
        dataDir: paths.sandboxDir,
        // Demo mode feels alive: each sync brings a little new data, the way a real account does.
        newDataOnSync: true,
        // ...and a second demo bank shows money moved between the person's own accounts.
        ownTransfers: true,
        seed: 'cofre-demo',
        ...options.sandbox,
      })
    : null;
  const mode = demo ? 'demo' : 'live';
  const pluggyBaseUrl = sandbox ? sandbox.url : (credentials.config?.baseUrl ?? null);
  return {
    mode,
    pluggyBaseUrl,
    sandbox,
    async create(extra = {}) {
      const core = await createCore({
        dataDir: paths.root,
        mode,
        host: options.host,
        version: APP_VERSION,
        logger: options.logger,
        keyStore,
        pluggy: sandbox
          ? { baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }
          : credentials.config,
        envCredentials: credentials.fromEnv,
        connectUrl: sandbox ? `${sandbox.url}/connect` : null,
        ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
        ...(options.relay === undefined ? {} : { relay: options.relay }),
        ...(options.requireDb === undefined ? {} : { requireDb: options.requireDb }),
        ...extra,
      }).catch(async (error: unknown) => {
        await sandbox?.close();
        throw error;
      });
      return {
        core,
        mode,
        pluggyBaseUrl,
        sandbox,
        async close() {
          await core.close();
          await sandbox?.close();
        },
      };
    },
  };
}

export function logFile(dataDir: string): string {
  return join(ensureDataDir(dataDir).logsDir, 'cofre.log');
}
