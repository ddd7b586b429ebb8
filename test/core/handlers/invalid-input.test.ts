import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

let world: CoreWorld;
let itemId: string;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 40 } });
  itemId = await world.connect('user-ok');
  await world.settle(itemId);
});
afterAll(() => world.close());

/** Inputs no call accepts: wrong types, unknown keys, prototype tricks. */
const ALWAYS_INVALID: unknown[] = [
  'a string',
  42,
  true,
  [1, 2, 3],
  { unexpectedKey: 1 },
  JSON.parse('{"__proto__": {"polluted": true}, "x": 1}'),
];

/** Per call: inputs with the right keys but wrong values (bad ids, forged cursors, huge limits, …). */
const WRONG_VALUES: Partial<Record<(typeof CHANNELS)[number], unknown[]>> = {
  'connections.connectToken': [{ itemId: 'not-a-uuid' }, { itemId: 7 }],
  'connections.save': [{}, { itemId: '../../etc/passwd' }, { itemId: '' }],
  'connections.sync': [{ itemId: null }, { itemId: "1' OR '1'='1" }],
  'connections.submitMfa': [{ itemId: '00000000-0000-4000-8000-000000000000' }, { itemId: 'x', values: {} }],
  'connections.disconnect': [
    { itemId: '00000000-0000-4000-8000-000000000000' },
    { itemId: 'x', keepData: 'yes' },
  ],
  'accounts.list': [{ includeRemoved: 'yes' }],
  'transactions.page': [
    { limit: -1 },
    { limit: 1_000_000 },
    { limit: 1.5 },
    { filter: { dateFrom: '2024-13-45x' } },
    { filter: { amountMin: -5 } },
    { filter: { text: 'x'.repeat(10_000) } },
    { filter: { status: 'DELETED' } },
    { after: '' },
  ],
  'transactions.count': [{ filter: { accountIds: 'all' } }],
  'transactions.totals': [{ filter: { amountMin: 1.5 } }, { filter: { amountMax: -1 } }],
  'transactions.export': [
    { format: 'xlsx' },
    { format: 'csv', filter: { type: 'BOTH' } },
    { format: 'csv', csvVariant: 'fr-FR' },
  ],
  'charts.spending': [{ month: '2024-13' }, { month: '202401' }],
  'transfers.undo': [{ id: '' }, { id: 7 }, { id: 'x'.repeat(500) }],
  'accounts.chooseDuplicate': [
    { accountId: 'a', choice: 'drop' },
    { accountId: '', choice: 'keep' },
  ],
  'charts.balance': [{ accountId: 'a', from: 'yesterday', to: '2024-01-01' }],
  'audit.page': [{ limit: 0 }, { filter: { family: 'everything' } }, { filter: { dateTo: '31/12/2024' } }],
  'audit.export': [{ format: 'pdf' }],
  'notices.dismiss': [{ id: -1 }, { all: false }, { id: 1, all: true }],
  'sync.runs': [{ limit: 10_000 }],
  'settings.update': [
    { syncIntervalMinutes: 1 },
    { pluggy: { clientId: 'not-a-uuid' } },
    { pluggy: { clientSecret: '' } },
  ],
};

async function fingerprint() {
  return {
    // The newest entry's id: reading through audit.page, since an export is itself an audit entry.
    audit: (await world.call('audit.page', { filter: {}, limit: 1 })).rows[0]?.id,
    connections: (await world.call('connections.list', {})).map((c) => [c.itemId, c.status]),
    transactions: (await world.call('transactions.count', { filter: { includeRemoved: true } })).count,
    notices: (await world.call('notices.list', { includeDismissed: true })).length,
    settings: await world.call('settings.get', {}),
    runs: (await world.call('sync.runs', { limit: 100 })).length,
  };
}

describe('every contract call refuses invalid input with invalid_input and changes nothing', () => {
  it.each(CHANNELS.map((c) => [c]))('%s', async (channel) => {
    const before = await fingerprint();
    const inputs = [...ALWAYS_INVALID, ...(WRONG_VALUES[channel] ?? [])];
    for (const input of inputs) {
      const result = await world.core.handle(channel, input);
      expect(result, `${channel} ${JSON.stringify(input)?.slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await fingerprint()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a forged cursor as invalid input', async () => {
    const forged = Buffer.from(JSON.stringify({ sql: 'DROP TABLE transactions' })).toString('base64url');
    const result = await world.core.handle('transactions.page', { filter: {}, after: forged, limit: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const audit = await world.core.handle('audit.page', { filter: {}, after: 'Zm9v', limit: 10 });
    expect(audit).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('treats search text with FTS and SQL syntax as plain words', async () => {
    for (const text of [
      '" OR 1=1 --',
      'NEAR(a b)',
      '*',
      "'; DROP TABLE transactions; --",
      'AND OR NOT',
      '(((',
    ]) {
      const result = await world.core.handle('transactions.page', { filter: { text }, limit: 5 });
      expect(result.ok, text).toBe(true);
    }
    expect((await world.call('transactions.count', { filter: {} })).count).toBeGreaterThan(0);
  });
});
