// Checks a backup fully (seal, manifest, digests, integrity_check, schema version) into a copy under our key.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import type { ScryptCost } from '../secrets';
import { keyPragmas } from '../store/cipher-scheme';
import { LATEST_VERSION, readUserVersion } from '../store/migrate';
import { backupError, openBackup, type BackupSecret } from './backup-envelope';
import { BackupManifest, sha256, tableDigests } from './backup-manifest';
import { privateWorkDir } from './make-backup';

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** The DB, checked and re-keyed to the target key, in a private folder beside the target. */
  dbFile: string;
  settings: Buffer | null;
  /** Removes the working folder (and the copy, unless it was moved out). */
  dispose(): void;
}

export interface VerifyBackupOptions {
  bytes: Buffer;
  secret: BackupSecret;
  /** A folder on the DB's disk (the data dir): the working folder is made in it, so moves are renames. */
  workFolder: string;
  /** The key the restored DB will open with. */
  targetKey: Buffer;
  scryptCost?: ScryptCost;
}

const damaged = (why: string, cause?: unknown): AppError =>
  backupError('db_corrupt', 'damaged', `The backup is damaged (${why}).`, cause);

function splitPayload(payload: Buffer): { manifest: BackupManifest; settings: Buffer | null; image: Buffer } {
  if (payload.length < 4) throw damaged('no manifest');
  const length = payload.readUInt32BE(0);
  if (4 + length > payload.length) throw damaged('manifest cut short');
  let manifest: BackupManifest;
  try {
    manifest = BackupManifest.parse(JSON.parse(payload.subarray(4, 4 + length).toString('utf8')));
  } catch (error) {
    throw damaged('unreadable manifest', error);
  }
  const settingsBytes = manifest.settings?.bytes ?? 0;
  const imageStart = 4 + length + settingsBytes;
  if (imageStart + manifest.db.bytes !== payload.length) throw damaged('sizes differ from the manifest');
  const settings = manifest.settings ? payload.subarray(4 + length, imageStart) : null;
  const image = payload.subarray(imageStart);
  if (sha256(image) !== manifest.db.sha256) throw damaged('database checksum differs');
  if (settings && sha256(settings) !== manifest.settings?.sha256) throw damaged('settings checksum differs');
  return { manifest, settings, image };
}

/** Everything is checked before anything outside the private working folder is touched. */
export async function verifyBackup(options: VerifyBackupOptions): Promise<VerifiedBackup> {
  const payload = await openBackup(options.bytes, options.secret);
  const { manifest, settings, image } = splitPayload(payload);
  if (manifest.schemaVersion > LATEST_VERSION) {
    throw backupError('db_from_future', 'from_future', 'This backup was made by a newer version of Cofre.');
  }
  const work = privateWorkDir(options.workFolder, 'restore');
  const dispose = (): void => rmSync(work, { recursive: true, force: true });
  try {
    const file = join(work, 'restored.db');
    writeFileSync(file, image, { mode: 0o600, flag: 'wx' });
    checkImage(file, manifest, options.targetKey.toString('hex'));
    return { manifest, dbFile: file, settings: settings ? Buffer.from(settings) : null, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

function checkImage(file: string, manifest: BackupManifest, targetHexKey: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    for (const p of keyPragmas('aegis', manifest.db.key)) db.pragma(p);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw damaged(`integrity_check: ${String(integrity)}`);
    if (readUserVersion(db) !== manifest.schemaVersion) throw damaged('schema version differs');
    const actual = tableDigests(db);
    const same =
      actual.length === manifest.tables.length &&
      actual.every((t, i) => {
        const want = manifest.tables[i];
        return want !== undefined && want.name === t.name && want.rows === t.rows && want.sha256 === t.sha256;
      });
    if (!same) throw damaged('rows differ from the manifest');
    db.pragma('journal_mode=DELETE');
    db.pragma('temp_store=FILE');
    db.pragma(`cipher='aegis'`);
    db.pragma(`rekey="x'${targetHexKey}'"`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged('the database inside does not open', error);
  } finally {
    db.close();
  }
}

/** Moves a verified copy to `to` (same folder tree, so a rename); the working folder goes. */
export function moveVerified(verified: VerifiedBackup, to: string): void {
  renameSync(verified.dbFile, to);
  verified.dispose();
}
