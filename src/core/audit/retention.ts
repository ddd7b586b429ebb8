// Retention by age: deletes the oldest entries through the documented guard and leaves a signed marker.
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import { nowIso, prepared } from '../store/prepared';
import { appendUnredacted } from './append';
import { TRUNCATED_ACTION, type AuditEntry } from './entry';
import { signPayload } from './signing-key';

/** What a "truncated" marker records; `signature` is an HMAC over the other fields. */
export interface TruncationDetails {
  removedCount: number;
  removedThroughId: number;
  /** The hash of the last removed entry: the `prev_hash` the oldest kept entry must carry. */
  removedThroughHash: string;
  olderThan: string;
  signature: string;
}

export interface RetentionOptions {
  /** Entries with `at` before this ISO time go (only a leading run of them, so the chain stays whole). */
  olderThan: string;
  signingKey: Buffer;
  at?: string;
}

export interface RetentionResult {
  removed: number;
  marker: AuditEntry | null;
}

export function truncationPayload(d: Omit<TruncationDetails, 'signature'>): unknown[] {
  return ['cofre-audit-truncation-v1', d.removedCount, d.removedThroughId, d.removedThroughHash, d.olderThan];
}

/**
 * The only deletion the audit triggers allow: in one transaction it sets a row in
 * audit_retention_guard, deletes the oldest entries, clears the guard, and appends the marker.
 */
export function applyAuditRetention(db: Db, options: RetentionOptions): RetentionResult {
  return db
    .transaction((): RetentionResult => {
      // Only the leading run of old entries: one out-of-order clock reading must not punch a hole in the chain.
      const firstKept = prepared(db, 'SELECT min(id) AS id FROM audit_log WHERE at >= ?').get(
        options.olderThan,
      ) as {
        id: number | null;
      };
      const cutoff = prepared(
        db,
        'SELECT id, hash FROM audit_log WHERE id < coalesce(?, 9223372036854775807) ORDER BY id DESC LIMIT 1',
      ).get(firstKept.id) as { id: number; hash: string } | undefined;
      if (!cutoff) return { removed: 0, marker: null };
      const token = randomUUID();
      prepared(db, 'INSERT INTO audit_retention_guard (token) VALUES (?)').run(token);
      const removed = prepared(db, 'DELETE FROM audit_log WHERE id <= ?').run(cutoff.id).changes;
      prepared(db, 'DELETE FROM audit_retention_guard WHERE token = ?').run(token);
      const unsigned = {
        removedCount: removed,
        removedThroughId: cutoff.id,
        removedThroughHash: cutoff.hash,
        olderThan: options.olderThan,
      };
      const details: TruncationDetails = {
        ...unsigned,
        signature: signPayload(options.signingKey, truncationPayload(unsigned)),
      };
      const marker = appendUnredacted(db, {
        at: options.at ?? nowIso(),
        actor: 'system',
        action: TRUNCATED_ACTION,
        connectionId: null,
        outcome: 'info',
        details: { ...details },
      });
      return { removed, marker };
    })
    .immediate();
}
