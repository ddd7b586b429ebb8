// Rules through the contract against a real core and sandbox: preview = apply, order, at sync, suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionView } from '../../../src/shared/contract';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';

let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 150, seed: 'rules-test' } });
});
afterAll(() => world.close());

async function allRows(): Promise<TransactionView[]> {
  const rows: TransactionView[] = [];
  let after: string | undefined;
  do {
    const page = await world.call('transactions.page', { limit: 500, ...(after ? { after } : {}) });
    rows.push(...page.rows);
    after = page.next ?? undefined;
  } while (after);
  return rows;
}

const personLayer = (r: TransactionView) => JSON.stringify([r.personCategory, r.tags, r.ignored]);

describe('rules', () => {
  let itemId: string;
  let word: string;

  it('applied to the stored rows, changes exactly the rows its preview listed', async () => {
    itemId = await world.connect('user-ok');
    await world.settle(itemId);
    const rows = await allRows();
    // A word several descriptions share.
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.description, (counts.get(r.description) ?? 0) + 1);
    const common = [...counts].filter(([, n]) => n >= 3).sort((a, b) => a[1] - b[1])[0]![0];
    word = common.split(' ')[0]!.toLowerCase();
    const mine = rows.find((r) => r.description === common)!;
    // The person's own category is never overridden by a rule; the rule's tag still goes on.
    await world.call('transactions.edit', { id: mine.id, patch: { category: 'Pessoal' } });

    const rule = { matchText: word, setCategory: 'Alimentação', addTag: 'auto' };
    const draft = await world.call('rules.preview', { target: { rule }, limit: 1000 });
    expect(draft.rows).toBeGreaterThan(1);
    const added = await world.call('rules.add', { rule });
    const stored = await world.call('rules.preview', { target: { ruleId: added.id }, limit: 1000 });
    expect(stored.changes.map((c) => [c.transactionId, c.field])).toEqual(
      draft.changes.map((c) => [c.transactionId, c.field]),
    );
    expect(stored.changes.find((c) => c.transactionId === mine.id)?.field).toBe('tags');

    const before = new Map((await allRows()).map((r) => [r.id, personLayer(r)]));
    const applied = await world.call('rules.apply', { target: { ruleId: added.id }, limit: 1000 });
    const after = await allRows();
    const changed = after.filter((r) => before.get(r.id) !== personLayer(r)).map((r) => r.id);
    expect(new Set(changed)).toEqual(new Set(stored.changes.map((c) => c.transactionId)));
    expect(applied.rows).toBe(changed.length);
    expect(after.find((r) => r.id === mine.id)).toMatchObject({ personCategory: 'Pessoal', tags: ['auto'] });

    // Each edit says which rule made it.
    const other = stored.changes.find((c) => c.transactionId !== mine.id)!;
    const detail = await world.call('transactions.detail', { id: other.transactionId });
    expect(detail.categoryRule?.id).toBe(added.id);
    expect(detail.transaction.personCategory).toBe('Alimentação');
    expect(
      detail.history
        .filter((h) => h.kind === 'edited')
        .every((h) => h.actor === 'rule' && h.ruleId === added.id),
    ).toBe(true);
    // Applying again changes nothing.
    expect((await world.call('rules.preview', { target: { all: true } })).rows).toBe(0);
  }, 120_000);

  it('orders rules: the first matching rule with a category sets it', async () => {
    const second = await world.call('rules.add', { rule: { matchText: word, setCategory: 'Restaurantes' } });
    expect((await world.call('rules.preview', { target: { all: true } })).rows).toBe(0);
    const moved = await world.call('rules.move', { id: second.id, position: 1 });
    expect(moved.map((r) => r.id)[0]).toBe(second.id);
    const preview = await world.call('rules.preview', { target: { all: true }, limit: 1000 });
    expect(preview.rows).toBeGreaterThan(0);
    expect(preview.changes.every((c) => c.field === 'category' && c.to === 'Restaurantes')).toBe(true);
    await world.call('rules.remove', { id: second.id });
    expect((await world.call('rules.list', {})).map((r) => r.position)).toEqual([1]);
  });

  it('applies the rules to new rows at sync, naming the rule and the run', async () => {
    const tagAll = await world.call('rules.add', { rule: { matchText: 'a', addTag: 'nova' } });
    const known = new Set((await allRows()).map((r) => r.id));
    await fetch(`${world.sandbox.url}/__sandbox/advance?itemId=${itemId}`, { method: 'POST' });
    await world.call('connections.sync', { itemId });
    await world.settle(itemId);
    const fresh = (await allRows()).filter(
      (r) => !known.has(r.id) && r.description.toLowerCase().includes('a'),
    );
    expect(fresh.length).toBeGreaterThan(0);
    for (const r of fresh) {
      expect(r.tags).toContain('nova');
      const history = (await world.call('transactions.detail', { id: r.id })).history;
      const byRule = history.find((h) => h.actor === 'rule' && h.ruleId === tagAll.id);
      expect(byRule?.runId).toEqual(expect.any(Number));
    }
  }, 60_000);

  it('offers a rule when the person gives the same merchant the same category twice', async () => {
    const rows = await allRows();
    const byMerchant = new Map<string, TransactionView[]>();
    for (const r of rows) {
      if (!r.merchantName) continue;
      byMerchant.set(r.merchantName, [...(byMerchant.get(r.merchantName) ?? []), r]);
    }
    const [merchant, same] = [...byMerchant].find(([, list]) => list.length >= 2)!;
    const first = await world.call('transactions.edit', {
      id: same[0]!.id,
      patch: { category: 'Assinaturas' },
    });
    expect(first.suggestion).toBeNull();
    const second = await world.call('transactions.edit', {
      id: same[1]!.id,
      patch: { category: 'Assinaturas' },
    });
    expect(second.suggestion).toEqual({
      matchField: 'merchant',
      matchText: merchant,
      setCategory: 'Assinaturas',
      rows: 2,
    });
  });

  it('previews a row as the list shows it: a purchase abroad in the account currency, the bank category beside', async () => {
    const rows = await allRows();
    const abroad = rows.find((r) => r.amountInAccountCurrency !== null && r.category !== null);
    expect(abroad, 'the sandbox has a purchase abroad with a category').toBeDefined();
    const rule = { matchField: 'description' as const, matchText: abroad!.description, addTag: 'abroad' };
    const preview = await world.call('rules.preview', { target: { rule }, limit: 1000 });
    const change = preview.changes.find((c) => c.transactionId === abroad!.id);
    expect(change).toMatchObject({
      amount: abroad!.amountInAccountCurrency,
      bankCategory: abroad!.category,
      field: 'tags',
    });
  });
});
