// The ledger check against the sandbox: balances that move with new data pass; a row the API leaves out
// (or Cofre loses) is a gap, dated between the syncs where it appeared, until a sync brings it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgers } from '../../../src/core/ledger/ledger-check';
import { signedCentavos, toCentavos } from '../../../src/shared/money';
import type { Transaction } from '../../../src/shared/pluggy';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
let itemId = '';
beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 80, seed: 'ledger-check' });
  itemId = (await world.connect('user-ok')).id;
}, 60_000);
afterAll(() => world.close());

async function sync(): Promise<number> {
  const result = await world.engine.sync(itemId, 'manual').done;
  expect(result.outcome).toBe('success');
  return result.runId;
}

async function hide(transactionId: string, hidden: boolean): Promise<void> {
  const res = await fetch(`${world.sandbox.url}/__sandbox/hide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ transactionId, hidden }),
  });
  expect(res.status).toBe(200);
}

const signed = (t: Transaction): number =>
  signedCentavos(String(t.type), toCentavos(t.amountInAccountCurrency ?? t.amount));

describe('the ledger check', () => {
  it('passes while balances move exactly as the new transactions say', async () => {
    await sync();
    const first = checkLedgers(world.db);
    expect(first.length).toBeGreaterThanOrEqual(2);
    expect(first.map((c) => [c.status, c.snapshots])).toEqual(first.map(() => ['ok', 1]));
    // New data at the bank (and a pending card row re-created posted): the balances follow.
    await world.advance(itemId);
    await sync();
    expect(checkLedgers(world.db).map((c) => [c.status, c.snapshots])).toEqual(first.map(() => ['ok', 2]));
  }, 60_000);

  it('shows a row the API left out as a gap between the two syncs, with their runs, until it is listed again', async () => {
    const truth = await world.truth(itemId);
    const checking = truth.accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT')!;
    const missing = truth.transactions
      .filter((t) => t.accountId === checking.id && t.status === 'POSTED')
      .sort((a, b) => b.date.localeCompare(a.date))[0]!;
    await hide(missing.id, true);
    const runId = await sync();

    const checks = checkLedgers(world.db);
    const gap = checks.find((c) => c.accountId === checking.id)!;
    expect(gap.status).toBe('gap');
    expect(gap.gap!.amount).toBe(signed(missing));
    expect(gap.gap!.to).not.toBeNull();
    expect(gap.gap!.from < gap.gap!.to!).toBe(true);
    expect(gap.gap!.runs.map((r) => r.id)).toContain(runId);
    expect(checks.filter((c) => c.accountId !== checking.id).every((c) => c.status === 'ok')).toBe(true);

    await hide(missing.id, false);
    await sync();
    expect(checkLedgers(world.db, [checking.id])[0]).toMatchObject({ status: 'ok', gap: null });
  }, 60_000);

  it('shows a row lost from what Cofre stored at once, since the last sync, until a sync reads it again', async () => {
    const row = world.db
      .prepare(
        `SELECT t.id, t.account_id AS accountId FROM transactions t JOIN accounts a ON a.id = t.account_id
         WHERE a.connection_id = ? AND t.removed_at IS NULL AND t.status = 'POSTED' ORDER BY t.date DESC LIMIT 1`,
      )
      .get(itemId) as { id: string; accountId: string };
    world.db
      .prepare('UPDATE transactions SET removed_at = ? WHERE id = ?')
      .run(new Date().toISOString(), row.id);
    const lost = checkLedgers(world.db, [row.accountId])[0]!;
    expect(lost.status).toBe('gap');
    expect(lost.gap!.to).toBeNull();
    await sync();
    expect(checkLedgers(world.db, [row.accountId])[0]!.status).toBe('ok');
  }, 60_000);
});
