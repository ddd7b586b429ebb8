// Appends one redacted, hash-chained entry, inside the caller's transaction when there is one.
import { AppError } from '../../shared/errors';
import type { Db } from '../store/db';
import { parseInput } from '../store/parse-input';
import { prepared } from '../store/prepared';
import { GENESIS_HASH, entryHash } from './chain-hash';
import { AuditEntryInput, TRUNCATED_ACTION, type AuditEntry } from './entry';
import { redactDetails } from './redact';

const INSERT_SQL = `INSERT INTO audit_log (id, at, actor, action, connection_id, outcome, details, prev_hash, hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

interface Tail {
  seq: number;
  prevHash: string;
}

function readTail(db: Db): Tail {
  // sqlite_sequence, not max(id): ids are never reused, even after retention removed the newest rows' elders.
  const seqRow = prepared(db, `SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as
    { seq: number } | undefined;
  const last = prepared(db, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { hash: string } | undefined;
  return { seq: seqRow?.seq ?? 0, prevHash: last?.hash ?? GENESIS_HASH };
}

/**
 * Writes details exactly as given (no redaction): only for entries the audit module builds itself,
 * such as the retention marker.
 */
export function appendUnredacted(db: Db, entry: Omit<AuditEntry, 'id' | 'prevHash' | 'hash'>): AuditEntry {
  return db
    .transaction((): AuditEntry => {
      const tail = readTail(db);
      const id = tail.seq + 1;
      const detailsJson = JSON.stringify(entry.details);
      const fields = { ...entry, id, detailsJson, prevHash: tail.prevHash };
      const hash = entryHash(fields);
      prepared(db, INSERT_SQL).run(
        id,
        entry.at,
        entry.actor,
        entry.action,
        entry.connectionId,
        entry.outcome,
        detailsJson,
        tail.prevHash,
        hash,
      );
      return { ...entry, id, prevHash: tail.prevHash, hash };
    })
    .immediate();
}

/**
 * Records one audit entry. Call it inside the transaction of the change it records (e.g. together with
 * `upsertTransactions`), so both commit or neither does; outside one it commits on its own.
 */
export function appendAudit(db: Db, input: AuditEntryInput): AuditEntry {
  const parsed = parseInput(AuditEntryInput, input, 'audit entry');
  if (parsed.action === TRUNCATED_ACTION) {
    throw new AppError('invalid_input', `${TRUNCATED_ACTION} is written only by audit retention.`);
  }
  return appendUnredacted(db, {
    at: parsed.at ?? new Date().toISOString(),
    actor: parsed.actor,
    action: parsed.action,
    connectionId: parsed.connectionId ?? null,
    outcome: parsed.outcome,
    details: redactDetails(parsed.details),
  });
}
