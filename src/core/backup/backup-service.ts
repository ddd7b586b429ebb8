// Backup and restore for the app and the CLI: which DB, which key, the audit entries and the last backup's time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupSummary } from '../../shared/contract';
import { appendAudit } from '../audit/append';
import type { CoreContext } from '../core-context';
import { databaseFile, type DataPaths } from '../paths/data-dir';
import type { KeyStore, ScryptCost } from '../secrets';
import { getAppState, setAppState } from '../store/app-state';
import type { BackupSecret } from './backup-envelope';
import type { BackupManifest } from './backup-manifest';
import { applyRestore, LAST_BACKUP_KEY, stageRestore, summary } from './apply-restore';
import { makeBackup } from './make-backup';
import { resolveBackupReminder } from './backup-reminder';
import { verifyBackup } from './verify-backup';

export interface LastBackup {
  at: string;
}

export function lastBackupAt(ctx: Pick<CoreContext, 'db'>): string | null {
  return getAppState<LastBackup>(ctx.db(), LAST_BACKUP_KEY)?.at ?? null;
}

function summaryOf(manifest: BackupManifest): BackupSummary {
  return {
    createdAt: manifest.createdAt,
    schemaVersion: manifest.schemaVersion,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    tables: manifest.tables.length,
    mode: manifest.mode,
  };
}

async function secretOf(keyStore: KeyStore, passphrase: string | undefined): Promise<BackupSecret> {
  return passphrase === undefined
    ? { kind: 'db-key', key: await keyStore.getOrCreateKey() }
    : { kind: 'passphrase', passphrase };
}

export interface CreatedBackup {
  bytes: Buffer;
  fileName: string;
  summary: BackupSummary;
}

export async function createBackup(
  ctx: CoreContext,
  passphrase: string | undefined,
  scryptCost?: ScryptCost,
): Promise<CreatedBackup> {
  const db = ctx.db();
  const now = new Date(ctx.clock.now());
  const made = await makeBackup({
    db,
    dbKey: await ctx.keyStore.getOrCreateKey(),
    dbFile: databaseFile(ctx.paths.root, ctx.mode),
    settingsFile: ctx.paths.settingsFile,
    mode: ctx.mode,
    appVersion: ctx.version,
    now,
    secret: await secretOf(ctx.keyStore, passphrase),
    ...(scryptCost ? { scryptCost } : {}),
  });
  const result = { bytes: made.bytes, fileName: backupFileName(now), summary: summaryOf(made.manifest) };
  db.transaction(() => {
    setAppState(db, LAST_BACKUP_KEY, { at: now.toISOString() } satisfies LastBackup);
    resolveBackupReminder(db, now.getTime());
    appendAudit(db, {
      actor: 'user',
      action: 'backup.created',
      outcome: 'success',
      details: {
        ...summary(made.manifest),
        bytes: made.bytes.length,
        protection: passphrase === undefined ? 'db-key' : 'passphrase',
      },
    });
  })();
  return result;
}

/** cofre-backup-2026-12-04-1830.cofrebak */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `cofre-backup-${stamp}.cofrebak`;
}

/** The app: verify everything, then stage it for the next start (the open DB cannot be swapped under it). */
export async function stageBackupRestore(
  ctx: CoreContext,
  bytes: Buffer,
  passphrase: string | undefined,
): Promise<BackupSummary> {
  const verified = await verifyBackup({
    bytes,
    secret: await secretOf(ctx.keyStore, passphrase),
    workFolder: ctx.paths.root,
    targetKey: await ctx.keyStore.getOrCreateKey(),
  });
  const dbFile = databaseFile(ctx.paths.root, verified.manifest.mode);
  mkdirSync(dirname(dbFile), { recursive: true, mode: 0o700 });
  const result = summaryOf(verified.manifest);
  stageRestore(verified, { dbFile, settingsFile: ctx.paths.settingsFile });
  appendAudit(ctx.db(), {
    actor: 'user',
    action: 'backup.restore_staged',
    outcome: 'success',
    details: { ...result },
  });
  return result;
}

export interface RestoreNowOptions {
  paths: DataPaths;
  keyStore: KeyStore;
  bytes: Buffer;
  passphrase: string | undefined;
  scryptCost?: ScryptCost;
}

/** The CLI, with the app closed: verify everything, then put it in place at once. */
export async function restoreBackupNow(options: RestoreNowOptions): Promise<BackupSummary> {
  const key = await options.keyStore.getOrCreateKey();
  const verified = await verifyBackup({
    bytes: options.bytes,
    secret: await secretOf(options.keyStore, options.passphrase),
    workFolder: options.paths.root,
    targetKey: key,
    ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
  });
  try {
    const dbFile = databaseFile(options.paths.root, verified.manifest.mode);
    mkdirSync(dirname(dbFile), { recursive: true, mode: 0o700 });
    const settingsFrom = verified.settings ? `${verified.dbFile}.settings.json` : null;
    if (settingsFrom && verified.settings) {
      writeFileSync(settingsFrom, verified.settings, { mode: 0o600, flag: 'wx' });
    }
    applyRestore({
      dbFile,
      settingsFile: options.paths.settingsFile,
      restoredFile: verified.dbFile,
      settingsFrom,
      key,
      how: 'direct',
      details: summary(verified.manifest),
    });
    return summaryOf(verified.manifest);
  } finally {
    verified.dispose();
  }
}
