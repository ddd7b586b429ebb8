// Accounts reachable through two links (a bank and its card connector): which one counts, and the person's choice.
import type { Db } from '../db';
import { prepared } from '../prepared';

export interface DuplicateGroup {
  /** Stable across syncs: the account type and the shortest number's digits. */
  key: string;
  accountIds: string[];
  /** The one counted in totals. */
  keptAccountId: string;
}

export interface DuplicateChoice {
  key: string;
  /** null: the person said these are different accounts. */
  keptAccountId: string | null;
  at: string;
}

export interface AccountDuplicate {
  accountId: string;
  key: string;
  keptAccountId: string;
}

/** Replaces the detected groups (each member names the one kept); inside the caller's transaction. */
export function replaceDuplicateGroups(db: Db, groups: readonly DuplicateGroup[]): void {
  prepared(db, 'DELETE FROM account_duplicates').run();
  const insert = prepared(
    db,
    'INSERT INTO account_duplicates (account_id, group_key, kept_account_id) VALUES (?, ?, ?)',
  );
  for (const g of groups) for (const id of g.accountIds) insert.run(id, g.key, g.keptAccountId);
}

export function listAccountDuplicates(db: Db): Map<string, AccountDuplicate> {
  const rows = prepared(
    db,
    'SELECT account_id AS accountId, group_key AS key, kept_account_id AS keptAccountId FROM account_duplicates',
  ).all() as AccountDuplicate[];
  return new Map(rows.map((r) => [r.accountId, r]));
}

/** Accounts left out of totals because another link's copy of them is the one counted. */
export function droppedDuplicateIds(db: Db): Set<string> {
  return new Set(
    prepared(db, 'SELECT account_id FROM account_duplicates WHERE kept_account_id <> account_id')
      .pluck()
      .all() as string[],
  );
}

export function listDuplicateChoices(db: Db): Map<string, DuplicateChoice> {
  const rows = prepared(
    db,
    'SELECT group_key AS key, kept_account_id AS keptAccountId, at FROM account_duplicate_choices',
  ).all() as DuplicateChoice[];
  return new Map(rows.map((r) => [r.key, r]));
}

export function writeDuplicateChoice(db: Db, key: string, keptAccountId: string | null, at: string): void {
  prepared(
    db,
    `INSERT INTO account_duplicate_choices (group_key, kept_account_id, at) VALUES (?, ?, ?)
     ON CONFLICT (group_key) DO UPDATE SET kept_account_id = excluded.kept_account_id, at = excluded.at`,
  ).run(key, keptAccountId, at);
}

/** SQL on `t`: true for rows of an account whose other link's copy is the one counted. */
export const ON_DROPPED_DUPLICATE = `EXISTS (SELECT 1 FROM account_duplicates d
  WHERE d.account_id = t.account_id AND d.kept_account_id <> d.account_id)`;
/** SQL on `t`: true for rows marked as a transfer between own accounts or a card-bill payment. */
export const IS_OWN_MOVE = 'EXISTS (SELECT 1 FROM own_moves m WHERE m.transaction_id = t.id)';
