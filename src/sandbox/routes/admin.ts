// The guarded /__sandbox routes (only with `admin`): ground truth, advance, forced refusals, connector status, request stats, clock, deliveries.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Transaction } from '../../shared/pluggy';
import { itemFor, toItem, type SandboxContext } from '../context';
import { billsTruth } from '../data/bills-truth';
import { toAccount } from '../data/evolve';
import { investmentsOf, itemCovers, loansOf } from '../data/item-products';
import { notFound, validationError } from '../http/api-error';
import { omitNulls } from '../http/omit-nulls';
import { ForcedRefusalCode } from '../items/refusals';
import { connectorById } from './connectors';

const ItemQuery = z.object({ itemId: z.string().min(1) });
const MalformBody = z
  .object({
    transactionId: z.string().min(1).optional(),
    accountId: z.string().min(1).optional(),
    patch: z.record(z.string(), z.unknown()),
  })
  .refine((b) => (b.transactionId === undefined) !== (b.accountId === undefined), {
    message: 'give either transactionId or accountId',
  });

export function adminRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const record = (request: FastifyRequest) => {
    const query = ItemQuery.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    return itemFor(ctx, query.data.itemId, null);
  };
  const opts = { config: { access: 'public' as const } };

  app.get('/__sandbox/truth', opts, async (request) => {
    const r = record(request);
    const ledgers = ctx.store.ledgersOf(r.item.id);
    const transactions: Transaction[] = [];
    for (const ledger of ledgers) for (const tx of ledger.all()) transactions.push(tx);
    // In the wire form of the API's answers, so tests can compare the two as they are.
    const investments = investmentsOf(ctx, r);
    return omitNulls({
      item: toItem(r, ctx.baseUrl()),
      accounts: ledgers.map((l) => toAccount(l.record)),
      transactions,
      // Products the bank does not cover are false here and answer empty lists.
      covers: { investments: itemCovers(r, 'INVESTMENTS'), loans: itemCovers(r, 'LOANS') },
      investments: investments.map((g) => g.investment),
      investmentTransactions: Object.fromEntries(investments.map((g) => [g.investment.id, g.transactions])),
      loans: loansOf(ctx, r),
      consents: r.consents ?? [],
      // Transfers between this item's accounts and another item's, whichever side made them.
      ownTransfers: [...ctx.store.items.values()]
        .flatMap((other) => other.ownTransfers ?? [])
        .filter((t) => r.accountIds.includes(t.fromAccountId) || r.accountIds.includes(t.toAccountId)),
      ...billsTruth(ledgers),
    });
  });

  /** For items too large to ship whole: counts and a digest of the sorted ids per account. */
  app.get('/__sandbox/truth/summary', opts, async (request) => {
    const r = record(request);
    const accounts = ctx.store.ledgersOf(r.item.id).map((ledger) => {
      const ids: string[] = [];
      for (const tx of ledger.all()) ids.push(tx.id);
      ids.sort();
      return {
        account: toAccount(ledger.record),
        transactionCount: ids.length,
        idsSha256: createHash('sha256').update(ids.join('\n')).digest('hex'),
      };
    });
    return omitNulls({ item: toItem(r, ctx.baseUrl()), accounts });
  });

  app.post('/__sandbox/advance', opts, async (request) => {
    const r = record(request);
    r.advancePending = true;
    ctx.store.changed();
    return { itemId: r.item.id, advancePending: true };
  });

  /** The item's next `times` PATCHes answer with this refusal, bodies as in the spec. */
  app.post('/__sandbox/refusal', opts, async (request) => {
    const body = z
      .object({
        itemId: z.string().min(1),
        code: ForcedRefusalCode,
        times: z.number().int().min(1).default(1),
      })
      .safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const r = itemFor(ctx, body.data.itemId, null);
    r.forcedRefusal = { code: body.data.code, remaining: body.data.times };
    ctx.store.changed();
    return { itemId: r.item.id, ...r.forcedRefusal };
  });

  /** A bank's status changes (ONLINE, UNSTABLE, OFFLINE): Pluggy tells every webhook, without an eventId. */
  app.post('/__sandbox/connector-status', opts, async (request) => {
    const body = z
      .object({ connectorId: z.number().int().min(0), status: z.string().min(1).max(40) })
      .safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const connector = connectorById({ id: body.data.connectorId });
    ctx.store.connectorStatus.set(connector.id, body.data.status);
    ctx.store.changed();
    ctx.hooks.emit(
      { event: 'connector/status_updated', id: String(connector.id), data: { status: body.data.status } },
      null,
      true,
    );
    return { connectorId: connector.id, status: body.data.status };
  });

  app.get('/__sandbox/stats', opts, async () => {
    const requests = Object.fromEntries(
      [...ctx.stats.counts.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
    const total = [...ctx.stats.counts.values()].reduce((a, b) => a + b, 0);
    return { requests, total };
  });

  app.post('/__sandbox/stats/reset', opts, async () => {
    ctx.stats.counts.clear();
    return { requests: {}, total: 0 };
  });

  app.post('/__sandbox/time', opts, async (request) => {
    const body = z.object({ advanceMs: z.number().int().min(0) }).safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    ctx.clock.advance(body.data.advanceMs);
    return { now: new Date(ctx.clock.now()).toISOString() };
  });

  // Leaves one transaction out of every answer (or lists it again) while the account's balance still counts
  // it: an API that misses a row, which Cofre's ledger check must show as a gap until the row comes back.
  app.post('/__sandbox/hide', opts, async (request) => {
    const body = z
      .object({ transactionId: z.string().min(1), hidden: z.boolean().default(true) })
      .safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const { transactionId, hidden } = body.data;
    const ledger = [...ctx.store.ledgers.values()].find((l) => l.positionOf(transactionId) !== undefined);
    if (!ledger?.hide(transactionId, hidden)) throw notFound('Transaction');
    ctx.store.changed();
    return { transactionId, hidden };
  });

  app.get('/__sandbox/deliveries', opts, async () => ({ attempts: ctx.hooks.attempts }));

  // Makes one transaction or account off the spec from now on (fields replaced as given, e.g. an amount
  // that is text): how a test shows that one bad row leaves the rest of its page stored.
  app.post('/__sandbox/malform', opts, async (request) => {
    const body = MalformBody.safeParse(request.body ?? {});
    if (!body.success) throw validationError(body.error);
    const { transactionId, accountId, patch } = body.data;
    if (transactionId !== undefined) {
      const ledger = [...ctx.store.ledgers.values()].find((l) => l.byId(transactionId) !== undefined);
      if (!ledger) throw notFound('Transaction');
      ledger.update(transactionId, patch as Partial<Transaction>);
    } else {
      const ledger = accountId === undefined ? undefined : ctx.store.ledgers.get(accountId);
      if (!ledger) throw notFound('Account');
      ledger.record.malformed = { ...ledger.record.malformed, ...patch };
    }
    ctx.store.changed();
    return { transactionId: transactionId ?? null, accountId: accountId ?? null };
  });
}
