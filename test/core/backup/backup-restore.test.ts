import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackupReminder } from '../../../src/core/backup/backup-reminder';
import { verifyBackup } from '../../../src/core/backup/verify-backup';
import { createEventBus } from '../../../src/core/events/event-bus';
import { tableNames, tableRows } from '../../../src/core/backup/backup-manifest';
import { databaseFile, dataPaths } from '../../../src/core/paths/data-dir';
import { createNodeKeyStore } from '../../../src/core/secrets';
import { openDatabase } from '../../../src/core/store';
import type { Db } from '../../../src/core/store/db';
import { AppError } from '../../../src/shared/errors';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

const DAY_MS = 86_400_000;
let world: CoreWorld;
let key: Buffer;

type Snapshot = Map<string, unknown[][]>;

function snapshot(db: Db): Snapshot {
  return new Map(tableNames(db).map((t) => [t, tableRows(db, t)]));
}

function readLive(): Snapshot {
  const db = openDatabase({ file: databaseFile(world.dataDir, 'demo'), key, readonly: true });
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}

/** Whether the core's first background security review (5 s after it starts) has written its day. */
function reviewed(snap: Snapshot): boolean {
  const appState = snap.get('app_state') ?? [];
  return appState.some((row) => row[0] === 'security.chainVerifiedDay');
}

async function settledRows(): Promise<Snapshot> {
  // Wait out the first review round, which writes on a timer of its own and would land mid-test.
  for (let i = 0; i < 80 && !reviewed(readLive()); i += 1) await new Promise((r) => setTimeout(r, 250));
  let last = readLive();
  for (let i = 0; i < 40; i += 1) {
    await new Promise((r) => setTimeout(r, 250));
    const now = readLive();
    if (JSON.stringify([...now]) === JSON.stringify([...last])) return now;
    last = now;
  }
  throw new Error('the DB kept changing');
}

/** Every file of the data dir (logs aside) with its digest: what a refused restore must leave as it was. */
function filesOf(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    // The WAL's index changes with reads; the rows are compared instead.
    if (name === 'logs' || name.endsWith('-shm')) continue;
    if (statSync(path).isDirectory()) filesOf(path, out);
    else out.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

beforeAll(async () => {
  world = await startCoreWorld();
  key = await createNodeKeyStore({ paths: dataPaths(world.dataDir) }).getOrCreateKey();
  const itemId = await world.connect('user-ok');
  await world.settle(itemId);
}, 60_000);

afterAll(async () => {
  await world.close();
});

describe('backups', () => {
  it('a backup holds every table row for row, and restores them after the next start', async () => {
    await world.call('settings.update', { syncIntervalMinutes: 30 });
    const before = readLive();
    expect(before.get('transactions')?.length).toBeGreaterThan(10);
    const made = await world.call('backup.create', {});
    expect(made.fileName).toMatch(/^cofre-backup-\d{4}-\d{2}-\d{2}-\d{4}\.cofrebak$/);
    const bytes = Buffer.from(made.content, 'base64');
    // The sealed file shows no row of the data in clear.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

    // What is inside, checked and re-keyed, equals the DB as it was, every table and every row.
    const verified = await verifyBackup({
      bytes,
      secret: { kind: 'db-key', key },
      workFolder: world.dataDir,
      targetKey: key,
    });
    try {
      const inside = openDatabase({ file: verified.dbFile, key, readonly: true });
      try {
        expect(snapshot(inside)).toEqual(before);
      } finally {
        inside.close();
      }
    } finally {
      verified.dispose();
    }
    expect((await world.call('backup.status', {})).lastBackupAt).toBe(made.summary.createdAt);

    // Changes after the backup are undone by the restore.
    await world.call('settings.update', { syncIntervalMinutes: 120 });
    const staged = await world.call('backup.restore', { content: made.content });
    expect(staged.summary.rows).toBe([...before.values()].reduce((n, rows) => n + rows.length, 0));
    expect((await world.call('backup.status', {})).restorePending).toBe(true);
    await world.restartCore();
    expect((await world.call('backup.status', {})).restorePending).toBe(false);
    expect((await world.call('settings.get', {})).syncIntervalMinutes).toBe(30);

    const after = readLive();
    for (const table of ['transactions', 'accounts', 'connections', 'sync_runs']) {
      expect(after.get(table), table).toEqual(before.get(table));
    }
    // The restored data knows when it was backed up (the reminder counts from then).
    expect((await world.call('backup.status', {})).lastBackupAt).toBe(made.summary.createdAt);
    // The audit log is the backup's, then the restore's own entry.
    const audit = after.get('audit_log')!;
    expect(audit.slice(0, before.get('audit_log')!.length)).toEqual(before.get('audit_log'));
    const actions = audit.map((row) => row[3]);
    expect(actions).toContain('backup.restored');
    expect(actions).not.toContain('backup.restore_staged');
    expect((await world.call('audit.verify', {})).ok).toBe(true);
  }, 120_000);

  it('a backup under a passphrase opens only with it; a changed, cut or foreign file is refused and nothing changes', async () => {
    const made = await world.call('backup.create', { passphrase: 'correct horse battery' });
    const good = Buffer.from(made.content, 'base64');
    // The security review counts the backup just made (writes of its own, in the background): let it finish.
    await world.call('notices.list', {});
    const rows = await settledRows();
    const files = filesOf(world.dataDir);
    const refused = async (content: Buffer, passphrase?: string): Promise<AppError> => {
      const result = await world.core.handle('backup.restore', {
        content: content.toString('base64'),
        ...(passphrase === undefined ? {} : { passphrase }),
      });
      expect(result.ok).toBe(false);
      return AppError.fromData((result as { ok: false; error: AppError }).error);
    };

    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    expect(await refused(flipped, 'correct horse battery')).toMatchObject({
      code: 'db_corrupt',
      messageKey: 'backup.errors.damaged',
    });
    expect(await refused(good.subarray(0, good.length - 100), 'correct horse battery')).toMatchObject({
      code: 'db_corrupt',
    });
    expect(await refused(good, 'wrong horse battery')).toMatchObject({
      code: 'db_wrong_key',
      messageKey: 'backup.errors.wrong_passphrase',
    });
    expect(await refused(good)).toMatchObject({ messageKey: 'backup.errors.needs_passphrase' });
    expect(await refused(Buffer.from('SQLite format 3\0 not a backup'))).toMatchObject({
      messageKey: 'backup.errors.not_a_backup',
    });
    expect(readLive()).toEqual(rows);
    expect(filesOf(world.dataDir)).toEqual(files);
    expect((await world.call('backup.status', {})).restorePending).toBe(false);

    // The right passphrase still opens it.
    const staged = await world.call('backup.restore', {
      content: made.content,
      passphrase: 'correct horse battery',
    });
    expect(staged.restartRequired).toBe(true);
  }, 120_000);

  it('reminds after a month without a backup, once per further month, and the next backup resolves it', async () => {
    const db = openDatabase({ file: databaseFile(world.dataDir, 'demo'), key });
    const reminders = async () =>
      (await world.call('notices.list', {})).filter((n) => n.kind === 'backup_reminder');
    try {
      const last = Date.parse((await world.call('backup.status', {})).lastBackupAt!);
      const bus = createEventBus();
      checkBackupReminder(db, bus, last + 29 * DAY_MS);
      expect(await reminders()).toEqual([]);
      checkBackupReminder(db, bus, last + 31 * DAY_MS);
      checkBackupReminder(db, bus, last + 32 * DAY_MS);
      const [notice, ...more] = await reminders();
      expect(more).toEqual([]);
      expect(notice).toMatchObject({ messageKey: 'notices.backup_reminder', level: 'info' });
      await world.call('notices.dismiss', { id: notice!.id });
      checkBackupReminder(db, bus, last + 40 * DAY_MS);
      expect(await reminders()).toEqual([]);
      checkBackupReminder(db, bus, last + 61 * DAY_MS);
      expect(await reminders()).toHaveLength(1);
      await world.call('backup.create', {});
      expect(await reminders()).toEqual([]);
    } finally {
      db.close();
    }
  }, 60_000);
});
