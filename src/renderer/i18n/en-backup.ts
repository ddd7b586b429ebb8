// English for backups: every key of pt-BR-backup, checked by the type.
import type { ptBRBackup } from './pt-BR-backup';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enBackup: Widen<typeof ptBRBackup> = {
  backup: {
    title: 'Backup',
    intro: 'An encrypted, verified copy of the database and settings. Keep it off this computer.',
    last: 'Last backup: {{when}}',
    never: 'No backup made yet.',
    protection: 'Protect the backup with',
    withKey: "This computer's key (opens only here)",
    withPassphrase: 'A passphrase (opens on any computer)',
    passphrase: 'Passphrase',
    passphraseHint: 'At least 8 characters. Without it the backup does not open; Cofre does not keep it.',
    passphraseShort: 'The passphrase needs at least 8 characters.',
    create: 'Back up now',
    creating: 'Backing up…',
    created: 'Backup made: {{rows}} rows in {{tables}} tables ({{size}}).',
    restoreTitle: 'Restore a backup',
    restoreIntro:
      'Cofre checks the whole backup before replacing anything. The current data is kept until the restore has worked.',
    file: 'Backup file',
    restorePassphrase: "The backup's passphrase (if it has one)",
    restore: 'Check and restore',
    restoring: 'Checking the backup…',
    restored: 'Backup of {{when}} checked ({{rows}} rows). Restart Cofre to finish the restore.',
    pending: 'A checked restore waits for Cofre’s next start.',
    errors: {
      damaged: 'The backup is damaged or was changed (cut short or bytes altered). Nothing was changed.',
      wrong_passphrase: 'The passphrase does not open this backup. Nothing was changed.',
      wrong_db_key:
        "This backup was made with another computer's key; it opens only there, or make one with a passphrase. Nothing was changed.",
      needs_passphrase: 'This backup is protected by a passphrase: type it.',
      needs_db_key: 'This backup has no passphrase: leave the field empty.',
      not_a_backup: 'This file is not a Cofre backup.',
      newer_format: 'This backup was made by a newer Cofre. Update Cofre to restore it.',
      from_future: 'This backup is from a newer Cofre. Update Cofre to restore it.',
      in_use: 'Cofre has the database open: close the app and try again.',
    },
  },
};
