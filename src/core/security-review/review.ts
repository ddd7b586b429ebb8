// The daily security review: each local day's unusual audit entries, counted by finding. Reads only.
import { listConnections } from '../store';
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';
import {
  CANDIDATE_SQL,
  REPEATED_LOGIN_FAILURES,
  categoryOf,
  type CandidateEntry,
  type ReviewCategory,
} from './categories';
import { dayBounds, localDay } from './local-day';

export interface DayReview {
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
  counts: Partial<Record<ReviewCategory, number>>;
  /** The audit entries behind the counts (what the Audit screen shows for this review). */
  entryIds: number[];
}

interface Row {
  id: number;
  at: string;
  action: string;
  connectionId: string | null;
  details: string;
}

/** Reviews the local days from `firstDay` to `lastDay` (inclusive); days without findings are left out. */
export function reviewDays(db: Db, firstDay: string, lastDay: string): DayReview[] {
  const from = dayBounds(firstDay).from;
  const to = dayBounds(lastDay).to;
  const rows = prepared(
    db,
    `SELECT id, at, action, connection_id AS connectionId, details FROM audit_log
      WHERE at >= ? AND at < ? AND ${CANDIDATE_SQL} ORDER BY id`,
  ).all(from, to) as Row[];
  const knownItems = new Set(listConnections(db, { includeArchived: true }).map((c) => c.id));
  const byDay = new Map<string, { entries: [number, ReviewCategory][]; logins: Map<string, number[]> }>();
  for (const row of rows) {
    const entry: CandidateEntry = { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
    const category = categoryOf(entry, knownItems);
    if (!category) continue;
    const day = localDay(Date.parse(row.at));
    let bucket = byDay.get(day);
    if (!bucket) byDay.set(day, (bucket = { entries: [], logins: new Map() }));
    if (category === 'login_failures') {
      const key = row.connectionId ?? '';
      bucket.logins.set(key, [...(bucket.logins.get(key) ?? []), row.id]);
    } else {
      bucket.entries.push([row.id, category]);
    }
  }
  const reviews: DayReview[] = [];
  for (const [day, bucket] of byDay) {
    // One failed login is a changed password; several in a day at one bank is worth a look.
    for (const ids of bucket.logins.values()) {
      if (ids.length >= REPEATED_LOGIN_FAILURES)
        bucket.entries.push(...ids.map((id) => [id, 'login_failures'] as [number, ReviewCategory]));
    }
    if (bucket.entries.length === 0) continue;
    const counts: Partial<Record<ReviewCategory, number>> = {};
    for (const [, category] of bucket.entries) counts[category] = (counts[category] ?? 0) + 1;
    reviews.push({ day, counts, entryIds: bucket.entries.map(([id]) => id).sort((a, b) => a - b) });
  }
  return reviews.sort((a, b) => (a.day < b.day ? 1 : -1));
}

export function reviewDay(db: Db, day: string): DayReview {
  return reviewDays(db, day, day)[0] ?? { day, counts: {}, entryIds: [] };
}
