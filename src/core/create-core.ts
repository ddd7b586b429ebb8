// The composition of the core: router, handlers and events behind one `handle(channel, input)`.
import type { AppInfo, AppMode, Health } from '../shared/contract';
import { readHealth, dataDirProbe, type HealthProbe } from './app/health';
import { systemClock, type Clock } from './clock';
import { createEventBus, type EventBus } from './events/event-bus';
import { silentLogger, type Logger } from './logging/logger';
import { ensureDataDir } from './paths/data-dir';
import { createRouter, type Handlers, type Route } from './router/router';

export interface CoreDeps {
  dataDir: string;
  mode: AppMode;
  host: AppInfo['host'];
  version: string;
  logger?: Logger;
  clock?: Clock;
  /** Check handler outputs against the contract (on in tests). */
  checkOutput?: boolean;
  probes?: HealthProbe[];
}

export interface Core {
  handle: Route;
  /** The channels that have a handler (the contract-completeness test compares them with the contract). */
  channels: readonly string[];
  events: EventBus;
  close(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const logger = deps.logger ?? silentLogger();
  const clock = deps.clock ?? systemClock;
  const paths = ensureDataDir(deps.dataDir);
  const events = createEventBus();
  const startedAt = clock.now();
  const probes = [dataDirProbe(paths.root), ...(deps.probes ?? [])];
  let lastStatus: Health['status'] | undefined;

  const handlers = {
    'app.info': () => ({
      name: 'Cofre' as const,
      version: deps.version,
      mode: deps.mode,
      host: deps.host,
      platform: process.platform,
    }),
    'health.get': async () => {
      const health = await readHealth({
        version: deps.version,
        mode: deps.mode,
        dataDir: paths.root,
        startedAt,
        clock,
        probes,
      });
      if (lastStatus !== undefined && lastStatus !== health.status) {
        events.emit('health.changed', { status: health.status, at: new Date(clock.now()).toISOString() });
      }
      lastStatus = health.status;
      return health;
    },
  } satisfies Handlers;

  const handle = createRouter(handlers, { logger, checkOutput: deps.checkOutput ?? false });
  return {
    handle,
    channels: Object.keys(handlers),
    events,
    async close() {
      logger.info('core closed');
    },
  };
}
