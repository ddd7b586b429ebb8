// `cofre relay migrate`: the relay store's versions before and after, --status, and a store from the future refused untouched.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { runRelayMigrate } from '../../src/cli/commands/relay-migrate';
import { openRedisStore, openSqliteStore } from '../../src/relay';
import { SQLITE_STEPS } from '../../src/relay/store/migrations/sqlite-steps';
import { silentLogger } from '../../src/core/logging/logger';
import { runCli } from '../helpers/cli';
import { newLocation, useRelayCleanup } from './harness';

useRelayCleanup();

/** A store as relays wrote it before the schema had versions: the tables, a device, user_version 0. */
function unversionedStore(dataDir: string): string {
  const file = join(dataDir, 'relay.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  void SQLITE_STEPS[0]!.up(db);
  db.prepare(
    "INSERT INTO devices (device_id, token_hash, channel_hash, label, created_at) VALUES ('d1', 't', 'c', 'old', 1)",
  ).run();
  db.close();
  return file;
}

function digestOfDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    out[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  return out;
}

function lines(): { out: (line: string) => void; text: () => string } {
  const all: string[] = [];
  return { out: (l) => all.push(l), text: () => all.join('\n') };
}

describe('cofre relay migrate (SQLite)', () => {
  it('applies both steps to a store two versions behind, printing progress and the versions, keeping its rows', async () => {
    const { dataDir } = await newLocation('sqlite');
    const file = unversionedStore(dataDir);
    const result = await runCli(['relay', 'migrate', '--data-dir', dataDir], {
      RELAY_SECRETS: '',
      RELAY_ADMIN_TOKEN: '',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('schema version before: 0 (latest 2)');
    expect(result.stdout).toContain('[1/2] applying 0001 devices-and-events');
    expect(result.stdout).toContain('[2/2] applying 0002 webhook-secret-ages');
    expect(result.stdout).toContain('schema version after: 2');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT label FROM devices').pluck().all()).toEqual(['old']);
    db.close();

    const again = lines();
    await runRelayMigrate({ dataDir, redisPrefix: 'x:' }, { status: false }, again.out);
    expect(again.text()).toContain('nothing to apply');
    expect(again.text()).toContain('schema version after: 2');
  });

  it('--status lists applied and pending steps and writes nothing', async () => {
    const { dataDir } = await newLocation('sqlite');
    unversionedStore(dataDir);
    const db = new Database(join(dataDir, 'relay.db'));
    db.pragma('user_version = 1');
    db.close();
    const before = digestOfDir(dataDir);
    const status = lines();
    await runRelayMigrate({ dataDir, redisPrefix: 'x:' }, { status: true }, status.out);
    expect(status.text()).toContain('schema version: 1 (latest 2)');
    expect(status.text()).toMatch(/applied {2}0001 devices-and-events/);
    expect(status.text()).toMatch(/pending {2}0002 webhook-secret-ages/);
    expect(digestOfDir(dataDir)).toEqual(before);
  });

  it('refuses a store from the future, from the command and at relay start, without changing a byte', async () => {
    const { dataDir } = await newLocation('sqlite');
    const file = unversionedStore(dataDir);
    const db = new Database(file);
    db.pragma('user_version = 9');
    db.close();
    const before = digestOfDir(dataDir);
    const result = await runCli(['relay', 'migrate', '--data-dir', dataDir], {
      RELAY_SECRETS: '',
      RELAY_ADMIN_TOKEN: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/newer version of Cofre \(schema v9; this relay knows up to v2\)/);
    expect(() => openSqliteStore(dataDir)).toThrow(/newer version of Cofre/);
    expect(digestOfDir(dataDir)).toEqual(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('cofre relay migrate (Redis)', () => {
  async function prefixDump(redis: Redis, prefix: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const key of (await redis.keys(`${prefix}*`)).sort()) {
      out[key] = `${await redis.type(key)}:${JSON.stringify(await redis.dump(key))}`;
    }
    return out;
  }

  it('records the versions step by step, lists them with --status, and refuses keys from the future untouched', async () => {
    const location = await newLocation('redis');
    const redisUrl = location.redisUrl!;
    const prefix = location.redisPrefix!;
    const redis = new Redis(redisUrl);
    try {
      // A relay from before versions left its keys and no schema key.
      await redis.hset(`${prefix}device:d1`, { tokenHash: 't', channelHash: 'c', acked: '0-0' });
      const config = { dataDir: location.dataDir, redisUrl, redisPrefix: prefix };
      const status = lines();
      await runRelayMigrate(config, { status: true }, status.out);
      expect(status.text()).toContain(`relay store: redis, prefix ${prefix}`);
      expect(status.text()).toContain('schema version: 0 (latest 2)');
      expect(await redis.exists(`${prefix}schema`)).toBe(0);

      const run = lines();
      await runRelayMigrate(config, { status: false }, run.out);
      expect(run.text()).toContain('schema version before: 0 (latest 2)');
      expect(run.text()).toContain('[2/2] applying 0002 webhook-secret-ages');
      expect(run.text()).toContain('schema version after: 2');
      expect(await redis.get(`${prefix}schema`)).toBe('2');
      expect(await redis.hget(`${prefix}device:d1`, 'tokenHash')).toBe('t');

      await redis.set(`${prefix}schema`, '7');
      const before = await prefixDump(redis, prefix);
      await expect(runRelayMigrate(config, { status: false }, () => undefined)).rejects.toThrow(
        /schema v7; this relay knows up to v2/,
      );
      await expect(
        openRedisStore({ url: redisUrl, prefix, dedupeSeconds: 60, logger: silentLogger() }),
      ).rejects.toThrow(/newer version of Cofre/);
      expect(await prefixDump(redis, prefix)).toEqual(before);
    } finally {
      await redis.quit();
    }
  });
});
