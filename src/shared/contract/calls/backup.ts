// Backups: an encrypted, verified copy of the DB and settings, and a restore that checks it first.
import { z } from 'zod';
import { call, NoInput } from '../define';

/** A backup travels whole in one call as base64; the browser host lets only this call's body be this big. */
export const MAX_BACKUP_BASE64 = 768 * 1024 * 1024;

const Passphrase = z.string().min(8).max(1024);

export const BackupSummary = z.object({
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  rows: z.number().int(),
  tables: z.number().int(),
  mode: z.enum(['demo', 'live']),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

export const BackupStatus = z.object({
  lastBackupAt: z.string().nullable(),
  /** A verified restore waits for the next start. */
  restorePending: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const backupCalls = {
  /** Without a passphrase the backup opens only with this data dir's DB key. */
  'backup.create': call(
    z.object({ passphrase: Passphrase.optional() }).strict(),
    z.object({
      fileName: z.string(),
      /** The sealed file, base64; the renderer saves it where the person chooses. */
      content: z.string(),
      bytes: z.number().int(),
      summary: BackupSummary,
    }),
  ),
  /** Checks the whole backup, then stages it: the app puts it in place at its next start. */
  'backup.restore': call(
    z
      .object({
        content: z.base64().min(1).max(MAX_BACKUP_BASE64),
        passphrase: z.string().min(1).max(1024).optional(),
      })
      .strict(),
    z.object({ summary: BackupSummary, restartRequired: z.literal(true) }),
  ),
  'backup.status': call(NoInput, BackupStatus),
};
