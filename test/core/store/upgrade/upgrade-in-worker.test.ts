import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openDatabase } from '../../../../src/core/store';
import type { StoreProgress } from '../../../../src/core/store/store-progress';
import { upgradeDatabase } from '../../../../src/core/store/upgrade/upgrade-in-worker';
import { fingerprint } from '../refused-open';
import { makeLegacyDb, schemeThatOpens } from '../legacy-db';
import { tempDb, type TempDb } from '../temp-db';

const ROWS = 8_000;

describe('upgrading a database on a worker thread', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb('cofre-upgrade-');
  });
  afterEach(() => t.cleanup());

  it('converts and migrates an old database with rising progress while this thread keeps running', async () => {
    makeLegacyDb(t.file, t.key, ROWS, 60);
    const progress: StoreProgress[] = [];
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const plan = await upgradeDatabase({ file: t.file, key: t.key, onProgress: (p) => progress.push(p) });
    clearInterval(ticker);

    expect(plan).toEqual({ convert: true, migrate: true });
    const fractions = progress.map((p) => p.fraction);
    expect(fractions.at(0)).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
    // Both halves report: the conversion up to 50 %, the row-rewriting migrations (70, 80) after it.
    expect(progress.some((p) => p.task === 'convert_cipher' && p.fraction === 0.5)).toBe(true);
    const rewrites = progress.filter((p) => p.migration?.version === 70 || p.migration?.version === 80);
    expect(new Set(rewrites.map((p) => p.fraction)).size).toBeGreaterThan(5);
    // The event loop here was never held for the whole upgrade.
    expect(ticks).toBeGreaterThan(3);

    expect(schemeThatOpens(t.file, t.key)).toBe('aegis');
    const db = openDatabase({ file: t.file, key: t.key });
    try {
      expect(Number(db.pragma('user_version', { simple: true }))).toBe(LATEST_VERSION);
      expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(ROWS);
    } finally {
      db.close();
    }
  });

  it('starts no thread for a current database, and leaves a wrong key to openDatabase with no byte changed', async () => {
    makeLegacyDb(t.file, t.key, 10, 60);
    const before = fingerprint(t.file);
    const wrong = await upgradeDatabase({ file: t.file, key: randomBytes(32) });
    expect(wrong).toEqual({ convert: false, migrate: false });
    expect(fingerprint(t.file)).toBe(before);

    await upgradeDatabase({ file: t.file, key: t.key });
    const progress: StoreProgress[] = [];
    const again = await upgradeDatabase({ file: t.file, key: t.key, onProgress: (p) => progress.push(p) });
    expect(again).toEqual({ convert: false, migrate: false });
    expect(progress).toEqual([]);
  });
});

describe('the audit log of an upgrade', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb('cofre-upgrade-audit-');
  });
  afterEach(() => t.cleanup());

  it('records the migrations applied to an existing database, and none for a new one', () => {
    makeLegacyDb(t.file, t.key, 10, 60);
    const db = openDatabase({ file: t.file, key: t.key });
    const fresh = openDatabase({ file: `${t.file}-new`, key: t.key });
    try {
      const line = db
        .prepare(`SELECT actor, outcome, details FROM audit_log WHERE action = 'store.migrated'`)
        .get() as { actor: string; outcome: string; details: string };
      expect(line.actor).toBe('system');
      expect(line.outcome).toBe('success');
      const details = JSON.parse(line.details) as { from: number; to: number; applied: number[] };
      expect(details.from).toBe(60);
      expect(details.to).toBe(LATEST_VERSION);
      expect(details.applied).toContain(70);
      expect(details.applied).toContain(80);
      const none = fresh.prepare(`SELECT count(*) FROM audit_log WHERE action = 'store.migrated'`);
      expect(none.pluck().get()).toBe(0);
    } finally {
      db.close();
      fresh.close();
    }
  });
});
