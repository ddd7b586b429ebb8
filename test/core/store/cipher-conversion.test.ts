import { existsSync, readdirSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/core/audit';
import { LATEST_VERSION, openDatabase, type Db } from '../../../src/core/store';
import type { CipherScheme } from '../../../src/core/store/cipher-scheme';
import type { StoreProgress } from '../../../src/core/store/store-progress';
import { codeOf, fingerprint } from './refused-open';
import { legacyConnection, makeLegacyDb, schemeThatOpens } from './legacy-db';
import { tempDb, type TempDb } from './temp-db';

function opensWith(file: string, key: Buffer, scheme: CipherScheme): boolean {
  return schemeThatOpens(file, key, [scheme]) === scheme;
}

interface Snapshot {
  rows: unknown[];
  audit: unknown[];
  search: number;
}

function snapshot(db: Db): Snapshot {
  return {
    rows: db.prepare('SELECT * FROM transactions ORDER BY sort_key').all(),
    audit: db.prepare('SELECT * FROM audit_log ORDER BY id').all(),
    search: Number(
      db
        .prepare(`SELECT count(*) FROM transactions_fts WHERE transactions_fts MATCH 'padaria'`)
        .pluck()
        .get(),
    ),
  };
}

describe('the AEGIS cipher', () => {
  let t: TempDb;
  let db: Db | undefined;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => {
    db?.close();
    db = undefined;
    t.cleanup();
  });

  it('encrypts every new database with AEGIS', () => {
    openDatabase({ file: t.file, key: t.key }).close();
    expect(opensWith(t.file, t.key, 'aegis')).toBe(true);
    expect(opensWith(t.file, t.key, 'sqlcipher')).toBe(false);
  });

  it('never writes the DB file through a rollback journal while converting it or opening the result', async () => {
    // A kill while that journal existed left it hot, and the read-only probe then refused the DB. The copy is
    // put in WAL mode before it replaces the original, so opening it switches nothing either.
    makeLegacyDb(t.file, t.key, 500);
    const seen = new Set<string>();
    const watcher = watch(dirname(t.file), (_event, name) => {
      if (name) seen.add(String(name));
    });
    try {
      openDatabase({ file: t.file, key: t.key }).close();
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      watcher.close();
    }
    expect(seen.has(`${basename(t.file)}.aegis-tmp`)).toBe(true);
    expect(seen.has(`${basename(t.file)}-journal`)).toBe(false);
  });

  it('converts an SQLCipher-scheme database once, keeping every row, the audit chain and the search index', () => {
    makeLegacyDb(t.file, t.key, 3_000);
    const legacy = legacyConnection(t.file, t.key);
    const before = snapshot(legacy);
    legacy.close();
    expect(before.search).toBeGreaterThan(0);

    const progress: StoreProgress[] = [];
    db = openDatabase({ file: t.file, key: t.key, onProgress: (p) => progress.push(p) });
    const after = snapshot(db);
    expect(after.rows).toEqual(before.rows);
    expect(after.audit).toEqual(before.audit.concat(after.audit.slice(before.audit.length)));
    expect(after.search).toBe(before.search);
    expect(verifyAuditChain(db).ok).toBe(true);
    const entry = db
      .prepare(`SELECT actor, outcome, details FROM audit_log WHERE action = 'store.cipher.converted'`)
      .all() as { actor: string; outcome: string; details: string }[];
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ actor: 'system', outcome: 'success' });
    expect(JSON.parse(entry[0]!.details)).toMatchObject({
      from: 'sqlcipher',
      to: 'aegis',
      rows: expect.any(Number),
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const fractions = progress.filter((p) => p.task === 'convert_cipher').map((p) => p.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    db.close();
    db = undefined;

    expect(opensWith(t.file, t.key, 'aegis')).toBe(true);
    expect(opensWith(t.file, t.key, 'sqlcipher')).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.includes('aegis-tmp'))).toEqual([]);
    // A second open finds nothing to convert and records nothing more.
    db = openDatabase({ file: t.file, key: t.key });
    expect(
      db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'store.cipher.converted'`).pluck().get(),
    ).toBe(1);
  });

  it('converts an old-scheme database at an older schema version, then migrates it', () => {
    // No rows: today's upsert writes the latest schema's columns, which version 60 does not have yet.
    makeLegacyDb(t.file, t.key, 0, 60);
    db = openDatabase({ file: t.file, key: t.key });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
    expect(
      db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'store.cipher.converted'`).pluck().get(),
    ).toBe(1);
    expect(opensWith(t.file, t.key, 'aegis')).toBe(true);
  });

  it('refuses a wrong key for an old-scheme database without changing a byte', () => {
    makeLegacyDb(t.file, t.key, 600);
    const before = fingerprint(t.file);
    expect(codeOf(() => openDatabase({ file: t.file, key: Buffer.alloc(32, 9) }))).toBe('db_wrong_key');
    expect(fingerprint(t.file)).toBe(before);
    expect(existsSync(`${t.file}.aegis-tmp`)).toBe(false);
    expect(opensWith(t.file, t.key, 'sqlcipher')).toBe(true);
  });

  it('refuses an old-scheme database from a newer Cofre without converting it', () => {
    makeLegacyDb(t.file, t.key, 100);
    const raw = legacyConnection(t.file, t.key);
    raw.pragma(`user_version=${LATEST_VERSION + 5}`);
    raw.close();
    const before = fingerprint(t.file);
    expect(codeOf(() => openDatabase({ file: t.file, key: t.key }))).toBe('db_from_future');
    expect(fingerprint(t.file)).toBe(before);
  });

  it('opens an old-scheme database read-only as it is, converting nothing', () => {
    makeLegacyDb(t.file, t.key, 100);
    const before = fingerprint(t.file);
    db = openDatabase({ file: t.file, key: t.key, readonly: true });
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(100);
    db.close();
    db = undefined;
    expect(fingerprint(t.file)).toBe(before);
  });
});
