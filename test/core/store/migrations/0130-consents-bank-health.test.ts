import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getConnectorStatus,
  listConsents,
  migrate,
  openDatabase,
  replaceConsents,
  setAppState,
  setConnectorStatus,
  type Db,
} from '../../../../src/core/store';
import { ITEM_ID, seedConnection } from '../seed';
import { tempDb, type TempDb } from '../temp-db';

describe('migration 0130-consents-bank-health', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key, migrateTo: 101 });
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('moves the connector statuses kept before into their table, and keeps since when a status repeats', () => {
    setAppState(db, 'connector.status.601', {
      connectorId: 601,
      status: 'UNSTABLE',
      at: '2026-12-01T10:00:00.000Z',
    });
    setAppState(db, 'connector.status.9', 'not a report');
    migrate(db, 130);
    expect(getConnectorStatus(db, 601)).toMatchObject({
      status: 'UNSTABLE',
      since: '2026-12-01T10:00:00.000Z',
    });
    expect(getConnectorStatus(db, 9)).toBeNull();
    setConnectorStatus(db, { connectorId: 601, status: 'UNSTABLE', at: '2026-12-01T11:00:00.000Z' });
    expect(getConnectorStatus(db, 601)).toMatchObject({
      since: '2026-12-01T10:00:00.000Z',
      checkedAt: '2026-12-01T11:00:00.000Z',
    });
    setConnectorStatus(db, { connectorId: 601, status: 'ONLINE', at: '2026-12-01T12:00:00.000Z' });
    expect(getConnectorStatus(db, 601)?.since).toBe('2026-12-01T12:00:00.000Z');
  });

  it('keeps a connection’s consents, replaced by each read, never another item’s', () => {
    migrate(db, 130);
    seedConnection(db, ITEM_ID, ['acc-1']);
    const consent = {
      id: 'c1',
      itemId: ITEM_ID,
      products: ['ACCOUNTS'],
      openFinancePermissionsGranted: ['ACCOUNTS_ALL'],
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2027-01-01T00:00:00.000Z',
    };
    expect(replaceConsents(db, ITEM_ID, [consent, { ...consent, id: 'x', itemId: 'other' }], 'now')).toEqual({
      added: 1,
      changed: 0,
      removed: 0,
    });
    const revoked = { ...consent, revokedAt: '2026-06-01T00:00:00.000Z' };
    expect(replaceConsents(db, ITEM_ID, [revoked, { ...consent, id: 'c2' }], 'later')).toEqual({
      added: 1,
      changed: 1,
      removed: 0,
    });
    expect(listConsents(db, ITEM_ID).map((c) => [c.id, c.revokedAt, c.products])).toEqual([
      ['c1', '2026-06-01T00:00:00.000Z', ['ACCOUNTS']],
      ['c2', null, ['ACCOUNTS']],
    ]);
  });
});
