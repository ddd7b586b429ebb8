// Handlers of app.info and health.get: what is running, and one check per subsystem for Diagnostics.
import type { DatabaseStats, Health } from '../../shared/contract';
import { isAppError } from '../../shared/errors';
import { dataDirProbe, readHealth, type HealthProbe } from '../app/health';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router/router';
import { dbStats } from '../store';

type AppHandlers = Pick<Handlers, 'app.startup' | 'app.info' | 'health.get' | 'diagnostics.database'>;

/** A failed check in words: the AppError's code, which the screen explains like any other error. */
function failure(error: unknown): { messageKey: string; messageParams: Record<string, string> } {
  return { messageKey: 'error', messageParams: { code: isAppError(error) ? error.code : 'internal' } };
}

function databaseProbe(ctx: CoreContext): HealthProbe {
  return async () => {
    try {
      // Cheap on purpose (no row counts): Diagnostics asks diagnostics.database for the full picture.
      const db = ctx.db();
      const version = Number(db.pragma('user_version', { simple: true }));
      const pages = Number(db.pragma('page_count', { simple: true }));
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      return {
        name: 'database',
        ok: true,
        messageKey: 'database.open',
        messageParams: { version: String(version) },
        detail: `encrypted, schema v${version}, ${pages * pageSize} bytes`,
      };
    } catch (error) {
      return {
        name: 'database',
        ok: false,
        ...failure(error),
        detail: isAppError(error) ? error.message : 'The database is not open.',
      };
    }
  };
}

function settingsProbe(ctx: CoreContext): HealthProbe {
  return async () => {
    const problem = ctx.settings.problem();
    return {
      name: 'settings',
      ok: problem === null,
      ...(problem ? failure(problem) : { messageKey: 'settings.read', messageParams: {} }),
      detail: problem ? problem.message : ctx.paths.settingsFile,
    };
  };
}

function pluggyProbe(ctx: CoreContext): HealthProbe {
  return async () => {
    try {
      const cache = await ctx.pluggy().cacheHealth();
      return {
        name: 'pluggy',
        ok: true,
        messageKey: `pluggy.${ctx.mode}${cache.ok ? '' : 'CacheBad'}`,
        messageParams: {},
        detail: `${ctx.mode === 'demo' ? 'demo sandbox' : 'api'}; cache ${JSON.stringify(cache)}`,
      };
    } catch (error) {
      return {
        name: 'pluggy',
        ok: false,
        ...failure(error),
        detail: isAppError(error) ? error.message : 'Pluggy is not configured.',
      };
    }
  };
}

function relayProbe(ctx: CoreContext): HealthProbe {
  return async () => {
    const status = ctx.relay()?.status();
    if (!status || status.state === 'unpaired') {
      return {
        name: 'relay',
        ok: true,
        messageKey: 'relay',
        messageParams: { state: 'unpaired' },
        detail: 'not paired: Cofre polls Pluggy for changes',
      };
    }
    const detail = `${status.state} ${status.url ?? ''}; last event ${status.lastEventAt ?? 'never'}`;
    return {
      name: 'relay',
      ok: status.state !== 'offline',
      messageKey: 'relay',
      messageParams: { state: status.state },
      detail: status.lastError ? `${detail}; ${status.lastError}` : detail,
    };
  };
}

export function appHandlers(ctx: CoreContext, extraProbes: HealthProbe[], startedAt: number): AppHandlers {
  const probes = [
    dataDirProbe(ctx.paths.root),
    databaseProbe(ctx),
    settingsProbe(ctx),
    pluggyProbe(ctx),
    relayProbe(ctx),
    ...extraProbes,
  ];
  let lastStatus: Health['status'] | undefined;
  return {
    // Once the core answers at all, it has started; the host answers `starting`/`upgrading` before.
    'app.startup': () => ({ state: 'ready' as const, task: null, percent: null, error: null }),
    'app.info': () => ({
      name: 'Cofre' as const,
      version: ctx.version,
      mode: ctx.mode,
      host: ctx.host,
      platform: process.platform,
    }),
    'diagnostics.database': async ({ integrityCheck }) => {
      const stats = dbStats(ctx.db(), { integrity: integrityCheck });
      let cache: DatabaseStats['cache'] = {
        ok: false,
        entries: null,
        lastError: 'Pluggy is not configured.',
      };
      try {
        const health = await ctx.pluggy().cacheHealth();
        cache = { ok: health.ok, entries: health.entries ?? null, lastError: health.lastError ?? null };
      } catch (error) {
        if (!isAppError(error)) throw error;
      }
      return {
        fileBytes: stats.fileBytes,
        walBytes: stats.walBytes,
        schemaVersion: stats.schemaVersion,
        journalMode: stats.journalMode,
        rows: stats.rows,
        lastVacuumAt: stats.lastVacuumAt,
        integrity: stats.integrity ?? null,
        cache,
      };
    },
    'health.get': async () => {
      const health = await readHealth({
        version: ctx.version,
        mode: ctx.mode,
        dataDir: ctx.paths.root,
        startedAt,
        clock: ctx.clock,
        probes,
      });
      if (lastStatus !== undefined && lastStatus !== health.status) {
        ctx.events.emit('health.changed', {
          status: health.status,
          at: new Date(ctx.clock.now()).toISOString(),
        });
      }
      lastStatus = health.status;
      return health;
    },
  };
}
