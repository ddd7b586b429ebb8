// The daily security review: what it counts, and the last 30 days of it. Nothing of it leaves the machine.
import { z } from 'zod';
import { call } from '../define';
import { DayString } from './money';

/** What the review looks for in the audit log, in the order its summary names them. */
export const REVIEW_CATEGORIES = [
  'connection_added',
  'connection_removed',
  'relay_pairing',
  'pluggy_credentials',
  'export',
  'backup',
  'login_failures',
  'audit_chain_broken',
  'unknown_item_webhook',
  'wrong_db_key',
] as const;
export const ReviewCategory = z.enum(REVIEW_CATEGORIES);
export type ReviewCategory = z.infer<typeof ReviewCategory>;

export const ReviewDayView = z.object({
  /** A local calendar day. */
  day: DayString,
  counts: z.partialRecord(ReviewCategory, z.number().int().positive()),
  /** Audit entries behind the counts: `audit.page` with `filter.review = day` lists them. */
  entries: z.number().int(),
});
export type ReviewDayView = z.infer<typeof ReviewDayView>;

export const securityCalls = {
  'security.review': call(
    z.object({ days: z.number().int().min(1).max(30).default(30) }).strict(),
    z.object({
      today: DayString,
      /** Days with findings, newest first; the other days of the period were quiet. */
      days: z.array(ReviewDayView),
      period: z.number().int(),
    }),
  ),
};
