// Browser mode's composition root: data dir, core, the demo sandbox when asked, and the host in front.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION, createCore, createLogger, ensureDataDir, type Core, type Logger } from '../core';
import { startHost, type RunningHost } from './server';

export interface LaunchOptions {
  dataDir: string;
  port?: number;
  demo: boolean;
  rendererDir?: string;
  logger?: Logger;
}

export interface LaunchedApp {
  host: RunningHost;
  core: Core;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export async function launchBrowserApp(options: LaunchOptions): Promise<LaunchedApp> {
  const paths = ensureDataDir(options.dataDir);
  const logger = options.logger ?? createLogger({ file: join(paths.logsDir, 'cofre.log') });
  const core = createCore({
    dataDir: paths.root,
    mode: options.demo ? 'demo' : 'live',
    host: 'browser',
    version: APP_VERSION,
    logger,
  });
  const host = await startHost({
    core,
    port: options.port ?? 0,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    logger,
  });
  return {
    host,
    core,
    async close() {
      await host.close();
      await core.close();
    },
  };
}
