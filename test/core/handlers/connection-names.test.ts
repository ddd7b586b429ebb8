// A link's nickname, masked numbers and owner: stored, kept across Pluggy's updates, and the name used everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionName, ownerFirstName } from '../../../src/shared/connections/name';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

let world: CoreWorld;
let itemId: string;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 5 } });
  itemId = await world.connect('user-ok');
  await world.settle(itemId);
});
afterAll(() => world.close());

describe('connection names', () => {
  it('names a link by its nickname, else its bank', () => {
    expect(connectionName({ nickname: null, connectorName: 'Nubank' })).toBe('Nubank');
    expect(connectionName({ nickname: '  ', connectorName: 'Nubank' })).toBe('Nubank');
    expect(connectionName({ nickname: 'Conta da Maria', connectorName: 'Nubank' })).toBe('Conta da Maria');
    expect(ownerFirstName('MARIA DA SILVA')).toBe('Maria');
    expect(ownerFirstName('  ')).toBeNull();
    expect(ownerFirstName(null)).toBeNull();
  });

  it('lists each link with its accounts masked and the owner first name', async () => {
    const [c] = await world.call('connections.list', {});
    expect(c!.name).toBe('Pluggy Bank');
    expect(c!.nickname).toBeNull();
    expect(c!.accounts.length).toBe(c!.accountCount);
    expect(c!.accounts.length).toBeGreaterThan(0);
    for (const a of c!.accounts) expect(a.numberMasked ?? '').toMatch(/^(•••• .{1,4})?$/);
    expect(c!.ownerFirstName).toBe('John');
  });

  it('keeps a nickname across a sync and names the link by it in accounts, notices and runs', async () => {
    const renamed = await world.call('connections.rename', { itemId, nickname: '  Conta da Maria ' });
    expect(renamed.name).toBe('Conta da Maria');
    expect(renamed.messageParams['bank']).toBe('Conta da Maria');
    await world.call('connections.sync', { itemId });
    await world.settle(itemId);
    const [after] = await world.call('connections.list', {});
    expect(after!.nickname).toBe('Conta da Maria');
    const accounts = await world.call('accounts.list', {});
    expect(accounts.every((a) => a.connectionName === 'Conta da Maria')).toBe(true);
    expect(accounts[0]!.bankName).toBe('Pluggy Bank');
    const runs = await world.call('sync.runs', {});
    expect(runs[0]!.bankName).toBe('Conta da Maria');
    const audit = await world.call('audit.page', {
      filter: { action: 'open_finance.connection.renamed' },
      limit: 10,
    });
    expect(audit.rows.some((e) => e.action === 'open_finance.connection.renamed')).toBe(true);
  });

  it('goes back to the bank name on a blank nickname and refuses an unknown or too long one', async () => {
    const back = await world.call('connections.rename', { itemId, nickname: '' });
    expect(back.name).toBe('Pluggy Bank');
    expect(back.nickname).toBeNull();
    await expect(
      world.call('connections.rename', { itemId: '00000000-0000-4000-8000-000000000000', nickname: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      world.call('connections.rename', { itemId, nickname: 'x'.repeat(61) }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
