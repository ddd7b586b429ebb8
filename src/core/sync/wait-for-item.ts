// Waits until the bank finished the item's execution, polling GET /items/{id} with backoff and a deadline.
import type { Item } from '../../shared/pluggy';
import { AppError } from '../../shared/errors';
import type { RunContext } from './run-context';

const IN_PROGRESS = new Set(['UPDATING', 'MERGING']);
/** While the bank waits for the user (MFA, app approval), poll slowly; Pluggy times the prompt out itself. */
const WAITING_FOR_USER = new Set(['WAITING_USER_INPUT', 'WAITING_USER_ACTION']);

export const DEFAULT_WAIT_TIMEOUT_MS = 15 * 60_000;

export function isSettled(item: Item): boolean {
  return !IN_PROGRESS.has(item.status) && !WAITING_FOR_USER.has(item.status);
}

export interface WaitHooks {
  /** Called whenever the item's state moved, so the connection card can follow it live. */
  onItem(item: Item): void;
  /** A relay event resolves this early, instead of waiting for the next poll. */
  wake?: () => Promise<void>;
}

/** Polls 1 s, 2 s, 4 s … up to 10 s between reads (at least 3 s while the user is being asked something). */
export async function waitForSettledItem(ctx: RunContext, first: Item, hooks: WaitHooks): Promise<Item> {
  const deadline = ctx.clock.now() + (ctx.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS);
  let item = first;
  let delay = 1_000;
  while (!isSettled(item)) {
    ctx.signal.throwIfAborted();
    if (ctx.clock.now() >= deadline) {
      throw new AppError('sync_failed', 'The bank did not finish in time; Cofre will try again.', {
        details: { itemId: ctx.itemId, status: item.status, executionStatus: item.executionStatus },
      });
    }
    const pause = WAITING_FOR_USER.has(item.status) ? Math.max(delay, 3_000) : delay;
    await Promise.race([ctx.clock.sleep(pause, ctx.signal), ...(hooks.wake ? [hooks.wake()] : [])]);
    delay = Math.min(delay * 2, 10_000);
    const next = await ctx.api.getItem(ctx.itemId);
    if (next.status !== item.status || next.executionStatus !== item.executionStatus) hooks.onItem(next);
    item = next;
  }
  return item;
}
