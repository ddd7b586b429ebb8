// Walks the audit log in id order, recomputing every hash and link, to find edits made outside the app.
import type { Db } from '../store/db';
import { GENESIS_HASH, entryHash } from './chain-hash';
import { TRUNCATED_ACTION } from './entry';
import { truncationPayload, type TruncationDetails } from './retention';
import { verifyPayloadSignature } from './signing-key';

export type ChainProblem =
  | 'hash_mismatch' // a row's content no longer matches its own hash
  | 'broken_link' // a row's prev_hash is not the previous row's hash (a row removed, inserted or reordered)
  | 'unanchored_start' // the oldest row follows neither genesis nor a retention marker
  | 'bad_marker_signature' // a retention marker that the signing key did not sign
  | 'tail_removed'; // the newest rows are gone (the id sequence ran past the last row)

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** The first row where something is wrong. */
  firstBadId?: number;
  problem?: ChainProblem;
  /** Retention markers whose signature could not be checked because no signing key was given. */
  unverifiedMarkers: number;
}

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  connectionId: string | null;
  outcome: string;
  details: string;
  prevHash: string;
  hash: string;
}

const BATCH = 2000;

/** Checks the whole chain; with `signingKey`, also the signature of every retention marker. */
export function verifyAuditChain(db: Db, options: { signingKey?: Buffer } = {}): ChainReport {
  const stmt = db.prepare(
    `SELECT id, at, actor, action, connection_id AS connectionId, outcome, details, prev_hash AS prevHash, hash
     FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
  );
  let entries = 0;
  let unverifiedMarkers = 0;
  let first: Row | undefined;
  let prevHash: string | undefined;
  let lastId = 0;
  const anchors = new Set<string>([GENESIS_HASH]);
  const fail = (row: Row, problem: ChainProblem): ChainReport => ({
    ok: false,
    entries,
    firstBadId: row.id,
    problem,
    unverifiedMarkers,
  });
  // Batches of keyset reads rather than one long iterate(), so the connection is never left busy.
  for (let after = 0; ;) {
    const rows = stmt.all(after, BATCH) as Row[];
    if (rows.length === 0) break;
    for (const row of rows) {
      entries++;
      first ??= row;
      const recomputed = entryHash({ ...row, detailsJson: row.details });
      if (recomputed !== row.hash) return fail(row, 'hash_mismatch');
      if (prevHash !== undefined && row.prevHash !== prevHash) return fail(row, 'broken_link');
      if (row.action === TRUNCATED_ACTION && row.actor === 'system') {
        const d = JSON.parse(row.details) as TruncationDetails;
        if (options.signingKey) {
          const { signature, ...unsigned } = d;
          if (!verifyPayloadSignature(options.signingKey, truncationPayload(unsigned), signature)) {
            return fail(row, 'bad_marker_signature');
          }
        } else {
          unverifiedMarkers++;
        }
        anchors.add(d.removedThroughHash);
      }
      prevHash = row.hash;
      lastId = row.id;
    }
    after = rows[rows.length - 1]!.id;
  }
  if (first && !anchors.has(first.prevHash)) return fail(first, 'unanchored_start');
  const seq = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get() as
    number | undefined;
  if ((seq ?? 0) > lastId)
    return { ok: false, entries, firstBadId: lastId + 1, problem: 'tail_removed', unverifiedMarkers };
  return { ok: true, entries, unverifiedMarkers };
}
