// After a failed run: count it, schedule Cofre's own retry when the error allows one, raise notices.
import { appendAudit } from '../audit/append';
import { explainCode, nextRetryDelayMs, withNewCodePrompt } from '../errors';
import {
  addNotice,
  clearRetry,
  enqueueRetry,
  getConnectionItem,
  getSyncState,
  recordSyncFailure,
  resolveNoticesByKeyPrefix,
  type Notice,
} from '../store';
import { noticeView } from '../notices/notice-view';
import type { Failure } from './classify-failure';
import { nowIso, type RunContext } from './run-context';

/** After this many failures in a row the user hears about it even for errors Cofre retries itself. */
export const REPEATED_FAILURES = 3;

export interface FailureOutcome {
  consecutiveFailures: number;
  nextRetryAt: string | null;
}

export function applyFailurePolicy(ctx: RunContext, failure: Failure, bank: string): FailureOutcome {
  const at = nowIso(ctx.clock);
  const explanation = withNewCodePrompt(explainCode(failure.code), getConnectionItem(ctx.db, ctx.itemId));
  const created: Notice[] = [];
  const outcome = ctx.db
    .transaction((): FailureOutcome => {
      const failures = recordSyncFailure(ctx.db, ctx.itemId, at, failure.code);
      // The API's own wait (429) may lengthen a retry, never add one past the policy's limit.
      const policyDelay = nextRetryDelayMs(explanation, failures - 1);
      const delay = policyDelay === null ? null : Math.max(policyDelay, failure.retryAfterMs ?? 0);
      let nextRetryAt: string | null = null;
      if (delay !== null) {
        nextRetryAt = new Date(ctx.clock.now() + delay).toISOString();
        enqueueRetry(ctx.db, { connectionId: ctx.itemId, dueAt: nextRetryAt, errorCode: failure.code, at });
      } else {
        clearRetry(ctx.db, ctx.itemId);
      }
      appendAudit(ctx.db, {
        actor: 'sync',
        action: 'open_finance.sync.failed',
        connectionId: ctx.itemId,
        outcome: 'failure',
        at,
        details: {
          runId: ctx.runId,
          reason: ctx.reason,
          code: failure.code,
          message: failure.message,
          failures,
          nextRetryAt,
        },
      });
      const blockedUntil = getSyncState(ctx.db, ctx.itemId).refreshBlockedUntil;
      const params = { bank, code: failure.code, ...(blockedUntil ? { until: blockedUntil } : {}) };
      if (explanation.action !== 'none' && explanation.action !== 'wait_retry') {
        // The user must act (reconnect, answer MFA, call the bank…): one notice per connection, the latest
        // problem's: "give the new code" is old news once the code was given and refused.
        const dedupeKey = `action:${ctx.itemId}:${failure.code}`;
        resolveNoticesByKeyPrefix(ctx.db, `action:${ctx.itemId}:`, at, dedupeKey);
        const added = addNotice(ctx.db, {
          level: explanation.severity === 'error' ? 'error' : 'warning',
          kind: 'action_needed',
          connectionId: ctx.itemId,
          messageKey: explanation.messageKey,
          params,
          dedupeKey,
          at,
        });
        if (added.created) created.push(added.notice);
      } else if (failures >= REPEATED_FAILURES) {
        const added = addNotice(ctx.db, {
          level: 'warning',
          kind: 'repeated_failures',
          connectionId: ctx.itemId,
          messageKey: 'notices.repeated_failures',
          params: { ...params, failures: String(failures) },
          dedupeKey: `repeated:${ctx.itemId}`,
          at,
        });
        if (added.created) created.push(added.notice);
      }
      return { consecutiveFailures: failures, nextRetryAt };
    })
    .immediate();
  for (const notice of created) ctx.events.emit('notices.new', noticeView(notice));
  return outcome;
}
