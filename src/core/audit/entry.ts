// The audit entry: who did what to which connection, with what outcome, as zod schemas and types.
import { z } from 'zod';

export const AuditActor = z.enum(['user', 'sync', 'webhook', 'system']);
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditOutcome = z.enum(['success', 'failure', 'info']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** Dotted lowercase names, e.g. `open_finance.connection.created`, `open_finance.sync.failed`. */
export const AuditAction = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'expected dotted.lowercase.name');

export const AuditEntryInput = z.object({
  actor: AuditActor,
  action: AuditAction,
  connectionId: z.string().min(1).nullish(),
  outcome: AuditOutcome,
  details: z.record(z.string(), z.unknown()).default({}),
  /** Defaults to now. */
  at: z.iso.datetime().optional(),
});
export type AuditEntryInput = z.input<typeof AuditEntryInput>;

export interface AuditEntry {
  id: number;
  at: string;
  actor: AuditActor;
  action: string;
  connectionId: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The action of the marker retention leaves where it removed old entries. */
export const TRUNCATED_ACTION = 'audit.retention.truncated';
