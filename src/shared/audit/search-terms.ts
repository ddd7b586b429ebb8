// A word of the audit search as the person saw it: the codes whose words on screen contain it.
import { z } from 'zod';

const Codes = z.array(z.string().min(1).max(200)).max(500);

/**
 * The screen shows translated names (actions, who, outcome, the link's name, labelled details), while the
 * log stores codes: the page turns each word into the codes that show it, and the core matches an entry
 * holding any of them (or the word itself in its stored text). Every word must match.
 */
export const AuditSearchTerm = z
  .object({
    /** The word as typed; also matched in the stored action and details. */
    text: z.string().min(1).max(200),
    actions: Codes.default([]),
    actors: Codes.default([]),
    outcomes: Codes.default([]),
    connectionIds: Codes.default([]),
    /** Detail keys whose label shows the word ("Motivo" → `reason`). */
    fields: Codes.default([]),
    /** Detail values whose shown text has the word ("Manual" → `manual`). */
    values: Codes.default([]),
  })
  .strict();
export type AuditSearchTerm = z.infer<typeof AuditSearchTerm>;
export type AuditSearchTermInput = z.input<typeof AuditSearchTerm>;
