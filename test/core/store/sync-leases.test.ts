// Sync leases across two connections to one DB file (two processes): one holder per item, dead owners lose theirs.
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getSyncRun,
  interruptDeadOwnerRuns,
  newLeaseOwner,
  openDatabase,
  registerOwner,
  releaseLease,
  renewOwner,
  retireOwner,
  startSyncRun,
  syncingElsewhere,
  tryAcquireLease,
  type Db,
  type LeaseOwner,
} from '../../../src/core/store';
import { ITEM_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

const TTL = 30_000;
const AT = '2026-01-01T10:00:00.000Z';

/** A pid that no process has now: a child that already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

describe('sync leases between two processes on one data dir', () => {
  let t: TempDb;
  let one: Db;
  let two: Db;
  let a: LeaseOwner;
  let b: LeaseOwner;
  beforeEach(() => {
    t = tempDb();
    one = openDatabase({ file: t.file, key: t.key });
    two = openDatabase({ file: t.file, key: t.key });
    seedConnection(one);
    a = newLeaseOwner();
    b = newLeaseOwner();
  });
  afterEach(() => {
    one.close();
    two.close();
    t.cleanup();
  });

  it('lets one live owner hold an item; the other gets it once released', () => {
    const now = Date.now();
    registerOwner(one, a, now, TTL);
    registerOwner(two, b, now, TTL);
    const runA = startSyncRun(one, ITEM_ID, 'manual', AT, a.id);
    const runB = startSyncRun(two, ITEM_ID, 'poll', AT, b.id);
    expect(tryAcquireLease(one, ITEM_ID, a, runA, now, AT)).toEqual({ acquired: true });
    expect(tryAcquireLease(two, ITEM_ID, b, runB, now, AT)).toEqual({ acquired: false, holder: a.id });
    // Waiting is not dying: both runs are still running, and each side sees the other's.
    expect(getSyncRun(one, runA)!.outcome).toBe('running');
    expect(getSyncRun(one, runB)!.outcome).toBe('running');
    expect(syncingElsewhere(two, ITEM_ID, b.id, now)).toBe(true);
    expect(syncingElsewhere(one, ITEM_ID, a.id, now)).toBe(true);
    releaseLease(one, ITEM_ID, a);
    expect(tryAcquireLease(two, ITEM_ID, b, runB, now, AT)).toEqual({ acquired: true });
    expect(tryAcquireLease(one, ITEM_ID, a, runA, now, AT)).toEqual({ acquired: false, holder: b.id });
  });

  it('takes the lease of an owner whose process is gone, and ends its run as interrupted', () => {
    const now = Date.now();
    const dead: LeaseOwner = { id: 'killed', pid: deadPid(), host: hostname() };
    registerOwner(one, dead, now, TTL);
    const orphan = startSyncRun(one, ITEM_ID, 'manual', AT, dead.id);
    expect(tryAcquireLease(one, ITEM_ID, dead, orphan, now, AT)).toEqual({ acquired: true });
    // Its heartbeat is still fresh, yet the process is gone: no waiting out the TTL.
    expect(syncingElsewhere(two, ITEM_ID, b.id, now)).toBe(false);
    registerOwner(two, b, now, TTL);
    const next = startSyncRun(two, ITEM_ID, 'poll', AT, b.id);
    expect(tryAcquireLease(two, ITEM_ID, b, next, now, AT)).toEqual({ acquired: true });
    expect(getSyncRun(two, orphan)).toMatchObject({ outcome: 'interrupted', finishedAt: AT });
    expect(getSyncRun(two, next)!.outcome).toBe('running');
  });

  it('takes the lease of an owner whose heartbeat lapsed, even with its process alive; it learns so', () => {
    const then = Date.now() - 2 * TTL;
    registerOwner(one, a, then, TTL);
    const stale = startSyncRun(one, ITEM_ID, 'manual', AT, a.id);
    expect(tryAcquireLease(one, ITEM_ID, a, stale, then, AT)).toEqual({ acquired: true });
    const now = Date.now();
    registerOwner(two, b, now, TTL);
    const next = startSyncRun(two, ITEM_ID, 'poll', AT, b.id);
    expect(tryAcquireLease(two, ITEM_ID, b, next, now, AT)).toEqual({ acquired: true });
    expect(getSyncRun(one, stale)!.outcome).toBe('interrupted');
    // Its next heartbeat finds its row gone: the engine stops its runs instead of writing beside b's.
    expect(renewOwner(one, a, now, TTL)).toBe(false);
    expect(renewOwner(two, b, now, TTL)).toBe(true);
  });

  it('on open, ends only the runs of dead or unknown owners; a live process keeps its own', () => {
    const now = Date.now();
    registerOwner(one, a, now, TTL);
    const live = startSyncRun(one, ITEM_ID, 'manual', AT, a.id);
    const dead: LeaseOwner = { id: 'crashed', pid: deadPid(), host: hostname() };
    registerOwner(one, dead, now, TTL);
    const crashed = startSyncRun(one, ITEM_ID, 'webhook', AT, dead.id);
    const legacy = startSyncRun(one, ITEM_ID, 'poll', AT);
    expect(interruptDeadOwnerRuns(two, now, AT)).toEqual([ITEM_ID]);
    expect(getSyncRun(two, live)!.outcome).toBe('running');
    expect(getSyncRun(two, crashed)!.outcome).toBe('interrupted');
    expect(getSyncRun(two, legacy)!.outcome).toBe('interrupted');
    expect(interruptDeadOwnerRuns(two, now, AT)).toEqual([]);
  });

  it('retiring an owner drops its leases, so the item is free at once', () => {
    const now = Date.now();
    registerOwner(one, a, now, TTL);
    const run = startSyncRun(one, ITEM_ID, 'manual', AT, a.id);
    tryAcquireLease(one, ITEM_ID, a, run, now, AT);
    retireOwner(one, a);
    registerOwner(two, b, now, TTL);
    expect(tryAcquireLease(two, ITEM_ID, b, run + 1, now, AT)).toEqual({ acquired: true });
    expect(renewOwner(one, a, now, TTL)).toBe(false);
  });
});
