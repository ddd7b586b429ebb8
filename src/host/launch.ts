// Browser mode's composition root: the core in its mode, and the host in front of it.
import { fileURLToPath } from 'node:url';
import { createLogger, type Logger } from '../core';
import type { SandboxStartOptions } from '../sandbox';
import { startHost, type RunningHost } from './server';
import { logFile, startCore, type StartedCore } from './start-core';

export interface LaunchOptions {
  dataDir: string;
  port?: number;
  demo: boolean;
  rendererDir?: string;
  logger?: Logger;
  sandbox?: SandboxStartOptions;
}

export interface LaunchedApp {
  host: RunningHost;
  started: StartedCore;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export async function launchBrowserApp(options: LaunchOptions): Promise<LaunchedApp> {
  const logger = options.logger ?? createLogger({ file: logFile(options.dataDir) });
  const started = await startCore({
    dataDir: options.dataDir,
    demo: options.demo,
    host: 'browser',
    logger,
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  });
  const host = await startHost({
    core: started.core,
    port: options.port ?? 0,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    // The demo Connect page is the sandbox's, on its own loopback port: the page may frame exactly it.
    frameSources: started.sandbox ? [started.sandbox.url] : ['https://connect.pluggy.ai'],
    logger,
  });
  return {
    host,
    started,
    async close() {
      await host.close();
      await started.close();
    },
  };
}
