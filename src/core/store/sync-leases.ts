// Sync leases: which process syncs an item now, so processes sharing a data dir take turns and a dead one's runs end.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './db';
import { prepared } from './prepared';

/** A process (an engine) that may own runs: pid and host to tell a dead local process at once. */
export interface LeaseOwner {
  id: string;
  pid: number;
  host: string;
}

export function newLeaseOwner(): LeaseOwner {
  const host = hostname();
  return { id: `${process.pid}:${randomUUID()}@${host}`, pid: process.pid, host };
}

interface OwnerRow {
  owner: string;
  pid: number;
  host: string;
  expires_at: number;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Alive while its heartbeat is fresh; on this host, also only while its process exists (a kill shows at once). */
function ownerAlive(row: OwnerRow, now: number): boolean {
  if (row.expires_at <= now) return false;
  return row.host !== hostname() || processExists(row.pid);
}

/** Registers the owner (or renews it); its leases and runs stay alive until `now + ttlMs`. */
export function registerOwner(db: Db, owner: LeaseOwner, now: number, ttlMs: number): void {
  prepared(
    db,
    `INSERT INTO sync_owners (owner, pid, host, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at`,
  ).run(owner.id, owner.pid, owner.host, now, now + ttlMs);
}

/**
 * Renews a registered owner's heartbeat. False when its row is gone: another process found it dead (its
 * heartbeat lapsed) and interrupted its runs, so they must stop rather than write beside the next owner.
 */
export function renewOwner(db: Db, owner: LeaseOwner, now: number, ttlMs: number): boolean {
  return (
    prepared(db, 'UPDATE sync_owners SET heartbeat_at = ?, expires_at = ? WHERE owner = ?').run(
      now,
      now + ttlMs,
      owner.id,
    ).changes > 0
  );
}

/** The owner has nothing left to run: its row and leases go (its finished runs keep their outcome). */
export function retireOwner(db: Db, owner: LeaseOwner): void {
  db.transaction(() => {
    prepared(db, 'DELETE FROM sync_leases WHERE owner = ?').run(owner.id);
    prepared(db, 'DELETE FROM sync_owners WHERE owner = ?').run(owner.id);
  }).immediate();
}

/**
 * Inside a write transaction: forgets dead owners and their leases, and ends as 'interrupted' every run still
 * 'running' whose owner is not alive (dead, retired, or unknown: written before leases). Returns their items.
 */
function sweepDeadOwners(db: Db, now: number, at: string): string[] {
  const rows = prepared(db, 'SELECT owner, pid, host, expires_at FROM sync_owners').all() as OwnerRow[];
  const live = new Set<string>();
  for (const row of rows) {
    if (ownerAlive(row, now)) {
      live.add(row.owner);
      continue;
    }
    prepared(db, 'DELETE FROM sync_leases WHERE owner = ?').run(row.owner);
    prepared(db, 'DELETE FROM sync_owners WHERE owner = ?').run(row.owner);
  }
  // A lease whose owner row is gone is dead too.
  prepared(db, 'DELETE FROM sync_leases WHERE owner NOT IN (SELECT owner FROM sync_owners)').run();
  const running = prepared(
    db,
    `SELECT id, connection_id AS connectionId, owner FROM sync_runs WHERE outcome = 'running'`,
  ).all() as { id: number; connectionId: string; owner: string | null }[];
  const dead = running.filter((r) => r.owner === null || !live.has(r.owner));
  const finish = prepared(
    db,
    `UPDATE sync_runs SET outcome = 'interrupted', finished_at = ? WHERE id = ? AND outcome = 'running'`,
  );
  for (const r of dead) finish.run(at, r.id);
  return [...new Set(dead.map((r) => r.connectionId))];
}

/**
 * On open (and whenever a lease is taken): runs still 'running' whose process is dead (killed, crashed,
 * heartbeat stale) or unknown become 'interrupted'; a live process's runs are left alone. Returns their items.
 */
export function interruptDeadOwnerRuns(db: Db, now: number, at: string): string[] {
  return db.transaction(() => sweepDeadOwners(db, now, at)).immediate();
}

export type LeaseAttempt = { acquired: true } | { acquired: false; holder: string };

/** Takes the item's lease for `runId` unless a live owner holds it (BEGIN IMMEDIATE: one writer decides). */
export function tryAcquireLease(
  db: Db,
  itemId: string,
  owner: LeaseOwner,
  runId: number,
  now: number,
  at: string,
): LeaseAttempt {
  return db
    .transaction((): LeaseAttempt => {
      // The holder may have died: its lease goes and its run ends as interrupted before this one starts.
      sweepDeadOwners(db, now, at);
      const held = prepared(db, 'SELECT owner FROM sync_leases WHERE item_id = ?').get(itemId) as
        { owner: string } | undefined;
      if (held && held.owner !== owner.id) return { acquired: false, holder: held.owner };
      prepared(
        db,
        `INSERT INTO sync_leases (item_id, owner, run_id, acquired_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (item_id) DO UPDATE SET run_id = excluded.run_id, acquired_at = excluded.acquired_at`,
      ).run(itemId, owner.id, runId, now);
      return { acquired: true };
    })
    .immediate();
}

export function releaseLease(db: Db, itemId: string, owner: LeaseOwner): void {
  prepared(db, 'DELETE FROM sync_leases WHERE item_id = ? AND owner = ?').run(itemId, owner.id);
}

/** Another live process has a run of the item in progress (working, or waiting for its turn). */
export function syncingElsewhere(db: Db, itemId: string, ownerId: string, now: number): boolean {
  const owners = prepared(
    db,
    `SELECT o.owner, o.pid, o.host, o.expires_at FROM sync_runs r JOIN sync_owners o ON o.owner = r.owner
     WHERE r.connection_id = ? AND r.outcome = 'running' AND r.owner <> ?`,
  ).all(itemId, ownerId) as OwnerRow[];
  return owners.some((o) => ownerAlive(o, now));
}
