// Stands in for the core while it starts: answers `app.startup` with the upgrade's progress, holds every other
// call until the core is ready, and carries the event bus the core will use, so a host can serve at once.
import { calls, type AppStartup, type Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Core } from '../create-core';
import { createEventBus, type EventBus } from '../events/event-bus';
import type { Route } from '../router/router';
import type { StoreProgress } from '../store/store-progress';

export interface StartupGate {
  events: EventBus;
  /** The core's route once ready; `app.startup` meanwhile, every other call waiting for the core. */
  handle: Route;
  openConnectFrame(sessionId: string): string | null;
  status(): AppStartup;
  /** Give to createCore as `onStoreProgress`. */
  progress(progress: StoreProgress): void;
  ready(core: Core): void;
  fail(error: unknown): void;
  /** The core, once started; rejects with why it could not start. */
  core: Promise<Core>;
}

export function createStartupGate(): StartupGate {
  let status: AppStartup = { state: 'starting', task: null, percent: null, error: null };
  let started: Core | null = null;
  let resolve!: (core: Core) => void;
  let reject!: (error: unknown) => void;
  const core = new Promise<Core>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A failed start is reported through `status` and each call; nobody has to await `core` to hear it.
  core.catch(() => {});

  return {
    events: createEventBus(),
    core,
    status: () => status,
    progress({ task, fraction }) {
      if (status.state !== 'starting' && status.state !== 'upgrading') return;
      const percent = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
      status = { state: 'upgrading', task, percent, error: null };
    },
    ready(c) {
      started = c;
      status = { state: 'ready', task: null, percent: null, error: null };
      resolve(c);
    },
    fail(error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError('internal', 'Cofre could not start.', { cause: error });
      status = { state: 'failed', task: null, percent: null, error: appError.toJSON() };
      reject(appError);
    },
    openConnectFrame: (id) => started?.openConnectFrame(id) ?? null,
    async handle(channel, input): Promise<Result<unknown>> {
      if (started) return started.handle(channel, input);
      if (channel === 'app.startup') {
        if (!calls['app.startup'].input.safeParse(input ?? {}).success) {
          return { ok: false, error: new AppError('invalid_input', 'app.startup takes no input.').toJSON() };
        }
        return { ok: true, value: status };
      }
      try {
        return (await core).handle(channel, input);
      } catch (error) {
        return { ok: false, error: (error as AppError).toJSON() };
      }
    },
  };
}
