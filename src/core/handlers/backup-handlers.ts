// Handlers of backup.*: the sealed file goes to the renderer as base64 (it is encrypted); restores are staged.
import { pendingRestore } from '../backup/apply-restore';
import { createBackup, lastBackupAt, stageBackupRestore } from '../backup/backup-service';
import type { CoreContext } from '../core-context';
import { databaseFile } from '../paths/data-dir';
import type { Handlers } from '../router/router';

type BackupHandlers = Pick<Handlers, 'backup.create' | 'backup.restore' | 'backup.status'>;

export function backupHandlers(ctx: CoreContext): BackupHandlers {
  return {
    'backup.create': async ({ passphrase }) => {
      const made = await createBackup(ctx, passphrase);
      return {
        fileName: made.fileName,
        content: made.bytes.toString('base64'),
        bytes: made.bytes.length,
        summary: made.summary,
      };
    },
    'backup.restore': async ({ content, passphrase }) => ({
      summary: await stageBackupRestore(ctx, Buffer.from(content, 'base64'), passphrase),
      restartRequired: true as const,
    }),
    'backup.status': () => ({
      lastBackupAt: lastBackupAt(ctx),
      restorePending:
        pendingRestore(databaseFile(ctx.paths.root, 'live')) ||
        pendingRestore(databaseFile(ctx.paths.root, 'demo')),
    }),
  };
}
