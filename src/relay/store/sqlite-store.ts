// SQLite store: one file, one relay instance. Appends are group-committed with a full fsync before they resolve.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import { fileIdentity } from './file-identity';
import { Listeners } from './listeners';
import { migrateSqliteSchema, refuseSqliteFromFuture } from './migrations/sqlite-schema';
import { WalFsync } from './wal-fsync';
import type {
  AppendInput,
  NewDevice,
  ReadResult,
  RelayStore,
  Retention,
  RouteQuery,
  StoredEvent,
} from './types';
import { connectorRoutingKey, isConnectorRoutingKey } from './types';

export const SQLITE_FILE_NAME = 'relay.db';

interface EventRow {
  seq: number;
  event_id: string;
  event: string;
  known: number;
  payload: string;
  received_at: number;
}

interface Pending {
  input: AppendInput;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

export function openSqliteStore(dataDir: string): RelayStore {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SQLITE_FILE_NAME);
  // Read-only first: a store from a newer relay is refused before this connection could change a byte.
  refuseSqliteFromFuture(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // Commits never fsync on the event loop: each group commit is followed by an fsync of the WAL on the
    // thread pool before its webhooks are answered — the guarantee of synchronous=FULL, without the stall.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrateSqliteSchema(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const walSync = new WalFsync(`${file}-wal`);
  const files = fileIdentity([file, `${file}-wal`]);

  const q = {
    insertDevice: db.prepare(
      'INSERT INTO devices (device_id, token_hash, channel_hash, label, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    byToken: db.prepare<[string], { device_id: string }>(
      'SELECT device_id FROM devices WHERE token_hash = ?',
    ),
    byChannel: db.prepare<[string], { device_id: string }>(
      'SELECT device_id FROM devices WHERE channel_hash = ?',
    ),
    deviceExists: db.prepare<[string], { device_id: string }>(
      'SELECT device_id FROM devices WHERE device_id = ?',
    ),
    deleteDevice: db.prepare('DELETE FROM devices WHERE device_id = ?'),
    deleteDeliveries: db.prepare('DELETE FROM deliveries WHERE device_id = ?'),
    clearItems: db.prepare('DELETE FROM device_items WHERE device_id = ?'),
    addItem: db.prepare('INSERT OR IGNORE INTO device_items (item_id, device_id) VALUES (?, ?)'),
    itemOwner: db.prepare<[string, string], { device_id: string }>(
      'SELECT device_id FROM device_items WHERE item_id = ? AND device_id <> ? LIMIT 1',
    ),
    devicesForItem: db.prepare<[string], { device_id: string }>(
      'SELECT device_id FROM device_items WHERE item_id = ?',
    ),
    insertEvent: db.prepare(
      'INSERT OR IGNORE INTO events (event_id, event, known, payload, received_at) VALUES (?, ?, ?, ?, ?)',
    ),
    insertDelivery: db.prepare('INSERT INTO deliveries (device_id, event_id, received_at) VALUES (?, ?, ?)'),
    read: db.prepare<[string, number, number], EventRow>(
      `SELECT d.seq, e.event_id, e.event, e.known, e.payload, e.received_at
         FROM deliveries d JOIN events e ON e.event_id = d.event_id
        WHERE d.device_id = ? AND d.seq > ? ORDER BY d.seq LIMIT ?`,
    ),
    ackedUpTo: db.prepare<[string], { acked_up_to: number }>(
      'SELECT acked_up_to FROM devices WHERE device_id = ?',
    ),
    lastSeq: db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'deliveries'"),
    ack: db.prepare('UPDATE devices SET acked_up_to = max(acked_up_to, ?) WHERE device_id = ?'),
    pruneAcked: db.prepare(
      `DELETE FROM deliveries WHERE received_at < ?
          AND seq <= (SELECT acked_up_to FROM devices WHERE devices.device_id = deliveries.device_id)`,
    ),
    pruneOld: db.prepare('DELETE FROM events WHERE received_at < ?'),
    // A write that changes nothing: it still needs a write transaction, so a read-only store refuses it.
    canWrite: db.prepare('UPDATE devices SET acked_up_to = acked_up_to WHERE 0'),
    rememberSecret: db.prepare(
      'INSERT OR IGNORE INTO webhook_secrets (secret_hash, first_seen_at) VALUES (?, ?)',
    ),
    secretFirstSeen: db.prepare<[string], { first_seen_at: number }>(
      'SELECT first_seen_at FROM webhook_secrets WHERE secret_hash = ?',
    ),
  };

  const listeners = new Listeners();
  let queue: Pending[] = [];
  let closed = false;

  const commitBatch = db.transaction((batch: Pending[]) =>
    batch.map(({ input }) => {
      const inserted = q.insertEvent.run(
        input.dedupeKey,
        input.event,
        input.known ? 1 : 0,
        JSON.stringify(input.payload),
        input.receivedAt,
      );
      if (inserted.changes === 0) return false;
      for (const deviceId of input.deviceIds) {
        q.insertDelivery.run(deviceId, input.dedupeKey, input.receivedAt);
      }
      return true;
    }),
  );

  function flush(): void {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let results: boolean[];
    try {
      files.check();
      results = commitBatch(batch);
    } catch (error) {
      const failure =
        error instanceof AppError
          ? error
          : new AppError('unavailable', 'The relay could not store the webhook.', { cause: error });
      for (const p of batch) p.reject(failure);
      return;
    }
    const reached = new Set<string>();
    batch.forEach((p, i) => {
      if (results[i]) for (const d of p.input.deviceIds) reached.add(d);
    });
    // Devices may see an event before it is on disk; its sender hears 2xx only after.
    if (reached.size > 0) listeners.emit([...reached]);
    walSync
      .durable()
      // Durable in a file that is still the store's: deleted meanwhile, the sender must retry.
      .then(() => files.check())
      .then(
        () => batch.forEach((p, i) => p.resolve(results[i] ?? false)),
        (error: unknown) => {
          const failure =
            error instanceof AppError
              ? error
              : new AppError('unavailable', 'The relay could not store the webhook.', { cause: error });
          for (const p of batch) p.reject(failure);
        },
      );
  }

  const lastSeq = () => q.lastSeq.get()?.seq ?? 0;
  // A cursor past the newest seq this store ever issued comes from a newer copy of it (the store was restored
  // from a backup): new events would reuse its numbers and be skipped, so such a device reads from the start
  // (the app dedupes by eventId) and its acknowledgement of numbers never issued here is ignored.
  const isAhead = (cursor: number) => cursor > lastSeq();

  const store: RelayStore = {
    kind: 'sqlite',
    async createDevice(d: NewDevice) {
      q.insertDevice.run(d.deviceId, d.tokenHash, d.channelHash, d.label ?? null, d.createdAt);
    },
    async deviceByToken(hash) {
      return q.byToken.get(hash)?.device_id;
    },
    async deviceByChannel(hash) {
      return q.byChannel.get(hash)?.device_id;
    },
    async deleteDevice(deviceId) {
      db.transaction(() => {
        q.deleteDeliveries.run(deviceId);
        q.deleteDevice.run(deviceId);
      })();
    },
    async setDeviceItems(deviceId, itemIds) {
      return db.transaction(() => {
        q.clearItems.run(deviceId);
        const refused: string[] = [];
        for (const itemId of itemIds) {
          // An item belongs to the device that registered it first: a second claim is refused.
          if (!isConnectorRoutingKey(itemId) && q.itemOwner.get(itemId, deviceId)) refused.push(itemId);
          else q.addItem.run(itemId, deviceId);
        }
        return { refused };
      })();
    },
    async routeEvent({ clientUserId, itemId, connectorId }: RouteQuery) {
      const found = new Set<string>();
      if (clientUserId && q.deviceExists.get(clientUserId)) found.add(clientUserId);
      if (itemId) for (const row of q.devicesForItem.all(itemId)) found.add(row.device_id);
      if (connectorId) {
        for (const row of q.devicesForItem.all(connectorRoutingKey(connectorId))) found.add(row.device_id);
      }
      return [...found];
    },
    append(input) {
      if (closed) return Promise.reject(new AppError('unavailable', 'The relay store is closed.'));
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        // Every append that arrives in this turn of the event loop shares one transaction and one fsync.
        if (queue.length === 1) setImmediate(flush);
      });
    },
    async read(deviceId, after, limit): Promise<ReadResult> {
      const asked = after === undefined ? (q.ackedUpTo.get(deviceId)?.acked_up_to ?? 0) : Number(after);
      const from = isAhead(asked) ? 0 : asked;
      const events: StoredEvent[] = q.read.all(deviceId, from, limit).map((row) => {
        const payload = JSON.parse(row.payload) as Record<string, unknown>;
        return {
          cursor: String(row.seq),
          // The sender's eventId: a channel webhook's row is keyed per device (see hooks.ts).
          eventId: typeof payload['eventId'] === 'string' ? payload['eventId'] : row.event_id,
          event: row.event,
          known: row.known === 1,
          receivedAt: row.received_at,
          payload,
        };
      });
      return { events, from: String(from) };
    },
    async ack(deviceId, upTo) {
      if (!isAhead(Number(upTo))) q.ack.run(Number(upTo), deviceId);
    },
    isCursor: (value) => /^\d{1,15}$/.test(value),
    async prune(now, retention: Retention) {
      db.transaction(() => {
        q.pruneAcked.run(now - retention.ackedMs);
        q.pruneOld.run(now - retention.maxAgeMs);
      })();
    },
    onAppend: (listener) => listeners.add(listener),
    async rememberSecrets(hashes, now) {
      return db.transaction(() => {
        const seen = new Map<string, number>();
        for (const hash of hashes) {
          q.rememberSecret.run(hash, now);
          seen.set(hash, q.secretFirstSeen.get(hash)?.first_seen_at ?? now);
        }
        return seen;
      })();
    },
    async ping() {
      files.check();
      try {
        q.canWrite.run();
      } catch (error) {
        throw new AppError('unavailable', `The relay's store cannot take writes (${sqliteMessage(error)}).`, {
          cause: error,
        });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      if (queue.length > 0) flush();
      await walSync.durable();
      walSync.close();
      db.close();
    },
  };
  return store;
}

function sqliteMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
