// Makes a backup: a consistent copy of the DB under a key of its own, the settings, a manifest, all sealed.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { AppMode } from '../../shared/contract';
import { keyPragmas } from '../store/cipher-scheme';
import type { Db } from '../store/db';
import { readUserVersion } from '../store/migrate';
import type { ScryptCost } from '../secrets';
import { sealBackup, type BackupSecret } from './backup-envelope';
import { sha256, tableDigests, type BackupManifest } from './backup-manifest';

export interface MakeBackupOptions {
  db: Db;
  /** The open DB's key: the copy SQLite writes is encrypted with it until it is re-keyed. */
  dbKey: Buffer;
  /** The DB's file; the working copy is made in a private folder beside it (same disk, owner-only). */
  dbFile: string;
  settingsFile: string;
  mode: AppMode;
  appVersion: string;
  now: Date;
  secret: BackupSecret;
  scryptCost?: ScryptCost;
}

export interface MadeBackup {
  bytes: Buffer;
  manifest: BackupManifest;
}

/** A private (0700) working folder in `folder`; removed by the caller. */
export function privateWorkDir(folder: string, purpose: string): string {
  return mkdtempSync(join(folder, `.${purpose}-`));
}

export async function makeBackup(options: MakeBackupOptions): Promise<MadeBackup> {
  const work = privateWorkDir(dirname(options.dbFile), 'backup');
  try {
    const copy = join(work, 'copy.db');
    // VACUUM INTO is one read transaction: a consistent snapshot even while a sync writes, encrypted
    // by SQLite3MC with the DB's own cipher and key, so no plaintext page ever reaches the disk.
    options.db.prepare('VACUUM INTO ?').run(copy);
    const imageKey = randomBytes(32).toString('hex');
    const { schemaVersion, tables } = rekeyCopy(copy, options.dbKey.toString('hex'), imageKey);
    const image = readFileSync(copy);
    const settings = existsSync(options.settingsFile) ? readFileSync(options.settingsFile) : null;
    const manifest: BackupManifest = {
      format: 1,
      appVersion: options.appVersion,
      createdAt: options.now.toISOString(),
      mode: options.mode,
      schemaVersion,
      db: { bytes: image.length, sha256: sha256(image), key: imageKey },
      settings: settings ? { bytes: settings.length, sha256: sha256(settings) } : null,
      tables,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(manifestBytes.length);
    const payload = Buffer.concat([length, manifestBytes, settings ?? Buffer.alloc(0), image]);
    return { bytes: await sealBackup(payload, options.secret, options.scryptCost), manifest };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Digests the copy's tables, then re-encrypts it under the backup's own key. */
function rekeyCopy(
  file: string,
  hexKey: string,
  imageKey: string,
): { schemaVersion: number; tables: BackupManifest['tables'] } {
  const db = new Database(file, { fileMustExist: true });
  try {
    for (const p of keyPragmas('aegis', hexKey)) db.pragma(p);
    db.pragma('journal_mode=DELETE');
    db.pragma('temp_store=FILE');
    const schemaVersion = readUserVersion(db);
    const tables = tableDigests(db);
    db.pragma(`cipher='aegis'`);
    db.pragma(`rekey="x'${imageKey}'"`);
    return { schemaVersion, tables };
  } finally {
    db.close();
  }
}
