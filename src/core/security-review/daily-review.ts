// Runs the daily review in the background: the audit chain checked once a day, and today's and yesterday's
// notices raised. Nothing leaves the machine.
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import type { Db } from '../store/db';
import { verifyChainDaily } from './chain-check';
import { raiseReviewNotices } from './review-notice';

const EVERY_MS = 30 * 60_000;
const FIRST_AFTER_MS = 5_000;

export interface DailyReviewDeps {
  db: Db;
  events: EventBus;
  logger: Logger;
  now: () => number;
}

export function runReviewNow(deps: DailyReviewDeps): void {
  try {
    verifyChainDaily(deps.db, deps.now());
    raiseReviewNotices(deps.db, deps.events, deps.now());
  } catch (error) {
    // A review that fails now is run again at the next round; the app goes on.
    deps.logger.warn({ err: error }, 'security review not run');
  }
}

/** Starts the rounds; returns the function that stops them. */
export function startDailyReview(deps: DailyReviewDeps): () => void {
  // The first round waits a little: verifying a long chain should not delay the window opening.
  const first = setTimeout(() => runReviewNow(deps), FIRST_AFTER_MS);
  const every = setInterval(() => runReviewNow(deps), EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
