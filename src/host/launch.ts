// Browser mode's composition root: the sandbox, the host in front at once, then the core behind the host.
// The host serves the page before the core exists, so a long DB upgrade shows its progress, not nothing.
import { fileURLToPath } from 'node:url';
import { createLogger, createStartupGate, type Logger } from '../core';
import type { SandboxStartOptions } from '../sandbox';
import { startHost, type RunningHost } from './server';
import { logFile, prepareCore, type StartedCore } from './start-core';

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
  mode: StartedCore['mode'];
  /** The in-process demo sandbox's address (demo mode only). */
  sandboxUrl: string | null;
  /** The core started (after any conversion or migration); rejects when it could not start. */
  ready: Promise<StartedCore>;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export async function launchBrowserApp(options: LaunchOptions): Promise<LaunchedApp> {
  const logger = options.logger ?? createLogger({ file: logFile(options.dataDir) });
  const prepared = await prepareCore({
    dataDir: options.dataDir,
    demo: options.demo,
    host: 'browser',
    logger,
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  });
  const gate = createStartupGate();
  let host: RunningHost;
  try {
    host = await startHost({
      core: gate,
      port: options.port ?? 0,
      rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      // The demo Connect page is the sandbox's, on its own loopback port: the page may frame exactly it.
      frameSources: prepared.sandbox ? [prepared.sandbox.url] : ['https://connect.pluggy.ai'],
      logger,
    });
  } catch (error) {
    await prepared.sandbox?.close();
    throw error;
  }
  const ready = prepared.create({ events: gate.events, onStoreProgress: gate.progress });
  ready.then(
    (started) => gate.ready(started.core),
    (error: unknown) => {
      logger.error({ err: error }, 'core did not start');
      gate.fail(error);
    },
  );
  return {
    host,
    mode: prepared.mode,
    sandboxUrl: prepared.sandbox?.url ?? null,
    ready,
    async close() {
      await host.close();
      // Closing during an upgrade waits for it: the worker's transaction ends whole, never half-written.
      const started = await ready.catch(() => null);
      await started?.close();
    },
  };
}
