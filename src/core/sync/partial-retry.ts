// After a run that read everything Pluggy had, when the bank sent only part of it: Cofre's own retry.
import { explainCode, nextRetryDelayMs } from '../errors';
import { clearRetry, enqueueRetry, listRetries } from '../store';
import { nowIso, type RunContext } from './run-context';

const PARTIAL = 'PARTIAL_SUCCESS';

/**
 * A complete execution clears the retry queue; a partial one (the message says Cofre retries by itself)
 * schedules the next retry, counting partial results in a row, until PARTIAL_SUCCESS's attempts run out.
 * Runs inside the run's closing transaction. Returns when the retry is due, or null when none is left.
 */
export function scheduleRetryAfterSuccess(ctx: RunContext, executionStatus: string): string | null {
  if (executionStatus !== PARTIAL) {
    clearRetry(ctx.db, ctx.itemId);
    return null;
  }
  const pending = listRetries(ctx.db, ctx.itemId).find((r) => r.kind === 'sync');
  const attempts = pending?.lastErrorCode === PARTIAL ? pending.attempts : 0;
  // Another error's retry counts nothing toward this one.
  if (pending && attempts === 0) clearRetry(ctx.db, ctx.itemId);
  const delay = nextRetryDelayMs(explainCode(PARTIAL), attempts);
  if (delay === null) {
    clearRetry(ctx.db, ctx.itemId);
    return null;
  }
  const dueAt = new Date(ctx.clock.now() + delay).toISOString();
  enqueueRetry(ctx.db, { connectionId: ctx.itemId, dueAt, errorCode: PARTIAL, at: nowIso(ctx.clock) });
  return dueAt;
}
