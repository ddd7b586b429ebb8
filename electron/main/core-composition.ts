// Starts the core for the desktop app: demo mode (the sandbox in-process, on loopback) or live Pluggy.
// Mirrors src/host/start-core.ts, which electron/ may not import.
import { APP_VERSION, createCore, type Core, type CoreDeps, type Logger } from '../../src/core';
import { resolvePluggyCredentials } from '../../src/core/pluggy-credentials';
import type { KeyStore } from '../../src/core/secrets';
import type { DataPaths } from '../../src/core';
import { startSandbox, type RunningSandbox, type SandboxStartOptions } from '../../src/sandbox';
import { OAUTH_REDIRECT_URI } from './oauth-redirect';

export interface ElectronCoreOptions {
  paths: DataPaths;
  keyStore: KeyStore;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  version?: string;
  /** Demo sandbox tuning; tests make it fast. */
  sandbox?: SandboxStartOptions;
  scheduler?: boolean;
}

export interface ElectronCore {
  core: Core;
  mode: 'demo' | 'live';
  /** Demo mode's Connect page (the sandbox's), framed by the renderer; null in live mode. */
  connectUrl: string | null;
  close(): Promise<void>;
}

/** The mode chosen and the sandbox started; `create` then opens the DB (a long upgrade reports progress). */
export interface PreparedElectronCore {
  mode: 'demo' | 'live';
  connectUrl: string | null;
  create(extra?: Pick<CoreDeps, 'events' | 'onStoreProgress'>): Promise<ElectronCore>;
}

export async function startElectronCore(options: ElectronCoreOptions): Promise<ElectronCore> {
  return (await prepareElectronCore(options)).create();
}

export async function prepareElectronCore(options: ElectronCoreOptions): Promise<PreparedElectronCore> {
  const { paths, keyStore } = options;
  const env = options.env ?? process.env;
  const credentials = await resolvePluggyCredentials(env, paths.settingsFile, keyStore);
  const demo = credentials.demoPreferred || credentials.config === null;
  const sandbox: RunningSandbox | null = demo
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
  const connectUrl = sandbox ? `${sandbox.url}/connect` : null;
  const mode = demo ? 'demo' : 'live';
  return {
    mode,
    connectUrl,
    async create(extra = {}) {
      let core: Core;
      try {
        core = await createCore({
          dataDir: paths.root,
          mode,
          host: 'electron',
          version: options.version ?? APP_VERSION,
          logger: options.logger,
          keyStore,
          pluggy: sandbox
            ? { baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }
            : credentials.config,
          envCredentials: credentials.fromEnv,
          connectUrl,
          // Open Finance banks send the user back here after their OAuth step.
          oauthRedirectUri: OAUTH_REDIRECT_URI,
          ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
          ...extra,
        });
      } catch (error) {
        await sandbox?.close();
        throw error;
      }
      return {
        core,
        mode,
        connectUrl,
        async close() {
          await core.close();
          await sandbox?.close();
        },
      };
    },
  };
}
