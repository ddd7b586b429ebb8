// The person's edits against the real sandbox and SQLite: they survive re-syncs, re-created rows and reconnects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyEdit,
  deleteConnection,
  getEdit,
  rowHistory,
  transactionTotals,
  unarchiveConnection,
  upsertConnection,
} from '../../../src/core/store';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
beforeAll(async () => {
  // 20 refreshes in well under a minute: past Pluggy's 20 PATCH /items a minute, whose 40 s wait (tested
  // elsewhere) is not what this file is about.
  world = await startSyncWorld({
    transactionsPerAccount: 80,
    seed: 'edits-survive',
    rateLimits: { 'PATCH /items/:id': 1_000 },
  });
});
afterAll(() => world.close());

const at = () => new Date().toISOString();

async function sync(itemId: string, reason: 'manual' | 'connect' = 'manual'): Promise<number> {
  const run = world.engine.sync(itemId, reason);
  const result = await run.done;
  expect(result.outcome).toBe('success');
  return run.runId;
}

interface Row {
  id: string;
  accountId: string;
  status: string;
  category: string | null;
  removedAt: string | null;
}
const row = (id: string) =>
  world.db
    .prepare(
      'SELECT id, account_id AS accountId, status, category, removed_at AS removedAt FROM transactions WHERE id = ?',
    )
    .get(id) as Row | undefined;

/** The live row now carrying the edit whose note is `note` (edits follow re-created rows). */
const carrierOf = (note: string) =>
  world.db
    .prepare(
      `SELECT e.transaction_id FROM transaction_edits e JOIN transactions t ON t.id = e.transaction_id
       WHERE e.note = ? AND t.removed_at IS NULL`,
    )
    .pluck()
    .all(note) as string[];

describe("the person's edits over the bank's rows", () => {
  let itemId: string;
  let postedId: string;
  const pendingNotes = new Map<string, string>();

  it('keeps a posted row’s edits, and the pending card rows’ edits, through 20 syncs with new bank data', async () => {
    itemId = (await world.connect('user-ok')).id;
    await sync(itemId, 'connect');
    const truth = await world.truth(itemId);
    const posted = truth.transactions.find((t) => t.status !== 'PENDING' && t.type === 'DEBIT')!;
    postedId = posted.id;
    const before = transactionTotals(world.db, {});
    applyEdit(
      world.db,
      postedId,
      { category: 'Presentes', note: 'aniversário da Ana', tags: ['família'], ignored: true },
      { actor: 'person' },
      at(),
    );
    // Ignored: out of the totals at once, counted apart.
    const after = transactionTotals(world.db, {});
    expect(after.ignoredCount).toBe(1);
    expect(after.count).toBe(before.count - 1);
    for (const t of truth.transactions.filter((x) => x.status === 'PENDING')) {
      const note = `pendente ${t.id.slice(0, 8)}`;
      pendingNotes.set(t.id, note);
      applyEdit(world.db, t.id, { category: 'Mercado', note }, { actor: 'person' }, at());
    }
    expect(pendingNotes.size).toBeGreaterThan(0);

    for (let i = 0; i < 20; i++) {
      await world.advance(itemId);
      await sync(itemId);
    }
    const edit = getEdit(world.db, postedId)!;
    expect(edit).toMatchObject({
      category: 'Presentes',
      note: 'aniversário da Ana',
      tags: ['família'],
      ignored: true,
      categoryRuleId: null,
    });
    // The bank's own value is untouched beside the person's.
    expect(row(postedId)).toMatchObject({ category: posted.category ?? null, removedAt: null });
  }, 300_000);

  it('moves the edits of a pending purchase Pluggy re-created posted under a new id', async () => {
    const truth = await world.truth(itemId);
    const live = new Set(truth.transactions.map((t) => t.id));
    let followed = 0;
    for (const [oldId, note] of pendingNotes) {
      const carriers = carrierOf(note);
      // Exactly one live row carries each edit: never lost, never doubled.
      expect(carriers, note).toHaveLength(1);
      const carrier = carriers[0]!;
      expect(live.has(carrier)).toBe(true);
      if (carrier !== oldId) {
        followed++;
        expect(row(oldId)!.removedAt).not.toBeNull();
        const now = row(carrier)!;
        expect(now.status).toBe('POSTED');
        const history = rowHistory(world.db, carrier);
        const kinds = history.map((h) => h.kind);
        // The old row's life comes first: created, edited, removed; then the new row's creation and the move.
        expect(kinds).toContain('removed');
        expect(history.find((h) => h.kind === 'followed')?.details).toMatchObject({
          fromId: expect.any(String),
        });
        expect(getEdit(world.db, carrier)).toMatchObject({ category: 'Mercado', note });
      }
    }
    expect(followed).toBeGreaterThan(0);
  });

  it('keeps the edits through a reconnect (new credentials on the same item) and an archive and return', async () => {
    const item = await world.client.updateItem(itemId, {
      parameters: { user: 'user-ok', password: 'password-ok' },
    });
    upsertConnection(world.db, item);
    await sync(itemId, 'connect');
    deleteConnection(world.db, itemId, 'archive', at());
    unarchiveConnection(world.db, itemId);
    await world.advance(itemId);
    await sync(itemId, 'connect');
    expect(getEdit(world.db, postedId)).toMatchObject({ category: 'Presentes', ignored: true });
    for (const note of pendingNotes.values()) expect(carrierOf(note)).toHaveLength(1);
  }, 60_000);
});
