// Calls about what happened: the audit log, notices, sync runs.
import { z } from 'zod';
import { call, event, NoInput } from '../define';
import { SyncReason } from './connections';
import { Cursor, DayString } from './money';
import { AuditSearchTerm } from '../../audit/search-terms';

export const AuditActor = z.enum(['user', 'sync', 'webhook', 'system']);
export const AuditFamily = z.enum(['connection', 'sync', 'error', 'user']);

export const AuditEntryView = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  connectionId: z.string().nullable(),
  outcome: z.string(),
  /** Already redacted when it was written. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditFilter = z
  .object({
    family: AuditFamily.optional(),
    actor: AuditActor.optional(),
    /** An exact action, or a prefix ending in a dot (`open_finance.sync.`). */
    action: z
      .string()
      .regex(/^[a-z0-9_.]+$/)
      .max(200)
      .optional(),
    connectionId: z.string().min(1).max(100).optional(),
    outcome: z.string().min(1).max(40).optional(),
    dateFrom: DayString.optional(),
    dateTo: DayString.optional(),
    text: z.string().max(200).optional(),
    /** The search as the person saw the entries (see AuditSearchTerm); when present it is used instead of `text`. */
    terms: z.array(AuditSearchTerm).max(12).optional(),
    /** The entries the security review of this local day found (see `security.review`). */
    review: DayString.optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

export const NoticeView = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  kind: z.string(),
  connectionId: z.string().nullable(),
  messageKey: z.string(),
  params: z.record(z.string(), z.string()),
  dismissedAt: z.string().nullable(),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const SyncRunView = z.object({
  id: z.number().int(),
  itemId: z.string(),
  bankName: z.string(),
  reason: SyncReason,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.string(),
  counts: z.record(z.string(), z.number()).nullable(),
  errorCode: z.string().nullable(),
  /** request → statuses → pages → rows, from the audit entries of this run. */
  timeline: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      /** `key=value` facts as they are stored, for support. */
      summary: z.string(),
      /** The audit entry's (redacted) details, which the screen says in words. */
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type SyncRunView = z.infer<typeof SyncRunView>;

export const recordCalls = {
  'audit.page': call(
    z
      .object({
        filter: AuditFilter.default({}),
        after: Cursor.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ rows: z.array(AuditEntryView), next: z.string().nullable() }),
  ),
  'audit.export': call(
    z.object({ format: z.enum(['csv', 'jsonl']), filter: AuditFilter.default({}) }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), rows: z.number().int() }),
  ),
  'audit.verify': call(
    NoInput,
    z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      /** The first entry whose hash does not match, when the chain is broken. */
      brokenAt: z.number().int().nullable(),
    }),
  ),
  'notices.list': call(z.object({ includeDismissed: z.boolean().optional() }).strict(), z.array(NoticeView)),
  'notices.dismiss': call(
    z.union([
      z.object({ id: z.number().int().positive() }).strict(),
      z.object({ all: z.literal(true) }).strict(),
    ]),
    z.object({ dismissed: z.number().int() }),
  ),
  'sync.runs': call(
    z
      .object({
        itemId: z.string().min(1).max(100).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    z.array(SyncRunView),
  ),
};

export const recordEvents = {
  /** A new notice for the notification centre (and an OS notification where the host shows them). */
  'notices.new': event(NoticeView),
};
