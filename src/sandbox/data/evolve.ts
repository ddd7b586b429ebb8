// Creates an item's accounts on its first sync and changes its data on later ones (new, posted, re-created).
import type { Account, Transaction } from '../../shared/pluggy';
import { iso } from '../clock';
import type { AccountKind, AccountRecord } from './account-record';
import { closingMs, dueMs, openBillMonth } from './bill-cycle';
import { digits } from './brazil';
import type { AccountLedger } from './ledger';
import { intBetween, money, rngFor, uuidFrom } from './prng';
import { parcelaId, parcelaMs, parcelaTransaction, visibleParcelas } from './installment-series';
import { dayStartMs } from './transaction-layout';
import { buildTransaction } from './transactions';

export interface AccountPlan {
  kinds: AccountKind[];
  transactionsPerAccount: number;
  multiplier: number;
}

export function createAccounts(
  seed: string,
  itemId: string,
  plan: AccountPlan,
  nowMs: number,
): AccountRecord[] {
  return plan.kinds.map((kind, i) => withParcelas(createAccount(seed, itemId, plan, nowMs, kind, i)));
}

/** A card's installment purchases: every parcela listed so far, future ones PENDING. */
function withParcelas(record: AccountRecord): AccountRecord {
  for (const { purchase, n } of visibleParcelas(record, record.anchorMs))
    record.extras.push(parcelaTransaction(record, purchase, n, record.anchorMs, record.anchorMs));
  return record;
}

function createAccount(
  seed: string,
  itemId: string,
  plan: AccountPlan,
  nowMs: number,
  kind: AccountKind,
  i: number,
): AccountRecord {
  const seedKey = `${seed}|${itemId}|${kind}|${i}`;
  const rng = rngFor(seedKey, 'account');
  const base =
    kind === 'savings'
      ? Math.max(12, Math.floor(plan.transactionsPerAccount / 25))
      : plan.transactionsPerAccount;
  return {
    id: uuidFrom(seedKey, 'account-id'),
    itemId,
    kind,
    seedKey,
    baseCount: Math.min(base * plan.multiplier, 1_000_000),
    anchorMs: nowMs,
    extras: [],
    removed: [],
    overrides: {},
    balance:
      kind === 'card'
        ? money(rng, 800, 6_500)
        : kind === 'savings'
          ? money(rng, 2_000, 40_000)
          : money(rng, 300, 15_000),
    number: kind === 'card' ? `${digits(rng, 4)}` : `${digits(rng, 5)}-${digits(rng, 1)}`,
    createdAtMs: nowMs,
    updatedAtMs: nowMs,
  };
}

export function toAccount(r: AccountRecord): Account {
  const account = wellFormedAccount(r);
  return r.malformed ? ({ ...account, ...r.malformed } as Account) : account;
}

function wellFormedAccount(r: AccountRecord): Account {
  const common = {
    id: r.id,
    itemId: r.itemId,
    number: r.number,
    balance: r.balance,
    owner: 'John Doe',
    taxNumber: '761.092.776-73',
    currencyCode: 'BRL',
    createdAt: iso(r.createdAtMs),
    updatedAt: iso(r.updatedAtMs),
  };
  if (r.kind === 'card') {
    const limit = 12_000;
    const open = openBillMonth(r, r.updatedAtMs);
    return {
      ...common,
      type: 'CREDIT',
      subtype: 'CREDIT_CARD',
      name: 'Mastercard Black',
      marketingName: 'Pluggy Mastercard Black',
      bankData: null,
      creditData: {
        level: 'BLACK',
        brand: 'MASTERCARD',
        balanceCloseDate: iso(closingMs(r, open)),
        balanceDueDate: iso(dueMs(r, open)),
        availableCreditLimit: Math.round((limit - r.balance) * 100) / 100,
        balanceForeignCurrency: 0,
        minimumPayment: Math.round(r.balance * 0.15 * 100) / 100,
        creditLimit: limit,
        isLimitFlexible: false,
        status: 'ACTIVE',
        holderType: 'MAIN',
      },
    };
  }
  const savings = r.kind === 'savings';
  return {
    ...common,
    type: 'BANK',
    subtype: savings ? 'SAVINGS_ACCOUNT' : 'CHECKING_ACCOUNT',
    name: savings ? 'Conta Poupança' : 'Conta Corrente',
    marketingName: savings ? 'Poupança Pluggy' : 'Conta Pluggy',
    creditData: null,
    bankData: {
      transferNumber: `0001/${r.number}`,
      closingBalance: r.balance,
      automaticallyInvestedBalance: 0,
      overdraftContractedLimit: savings ? 0 : 2_000,
      overdraftUsedLimit: 0,
      unarrangedOverdraftAmount: 0,
    },
  };
}

export interface Changes {
  created: Transaction[];
  updated: string[];
  deleted: string[];
}

/**
 * The balance after a new transaction, as a bank keeps it: money in raises an account's balance and lowers
 * a card's (what is owed); money out the reverse. Direction from `type`, in the account's currency.
 */
export function movedBalance(r: AccountRecord, tx: Transaction): number {
  const amount = Math.abs(tx.amountInAccountCurrency ?? tx.amount);
  const inflow = tx.type === 'CREDIT' ? amount : -amount;
  const next = r.kind === 'card' ? r.balance - inflow : r.balance + inflow;
  return Math.round(next * 100) / 100;
}

/** One sync's worth of change: new transactions, some pending posted, one card transaction re-created. */
export function evolve(ledger: AccountLedger, generation: number, nowMs: number): Changes {
  const r = ledger.record;
  const rng = rngFor(r.seedKey, 'generation', generation);
  const changes: Changes = { created: [], updated: [], deleted: [] };
  const lastMs = Math.min(ledger.lastDateMs(), nowMs);
  const count = r.kind === 'savings' ? intBetween(rng, 0, 2) : intBetween(rng, 3, 8);
  for (let j = 0; j < count; j++) {
    const dateMs = dayStartMs(r.kind, lastMs + ((nowMs - lastMs) * (j + 1)) / (count + 1));
    const tx = buildTransaction(
      r,
      uuidFrom(r.seedKey, 'extra', generation, j),
      dateMs,
      nowMs,
      rngFor(r.seedKey, 'extra-tx', generation, j),
    );
    ledger.add(tx);
    r.balance = movedBalance(r, tx);
    changes.created.push(tx);
  }
  if (r.kind === 'card') {
    evolveParcelas(ledger, nowMs, changes);
    // Purchases settle; parcelas dated ahead wait for their own day (evolveParcelas).
    const pending = ledger
      .pending(nowMs)
      .filter((t) => !changes.created.some((c) => c.id === t.id) && !changes.updated.includes(t.id))
      .filter((t) => (t.creditCardMetadata?.totalInstallments ?? 1) <= 1);
    const [recreate, ...toPost] = pending;
    for (const tx of toPost.slice(0, 3)) {
      ledger.update(tx.id, { status: 'POSTED', updatedAt: iso(nowMs) });
      changes.updated.push(tx.id);
    }
    if (recreate) {
      ledger.remove(recreate.id);
      changes.deleted.push(recreate.id);
      const copy: Transaction = {
        ...recreate,
        id: uuidFrom(r.seedKey, 'recreated', generation),
        status: 'POSTED',
        createdAt: iso(nowMs),
        updatedAt: iso(nowMs),
      };
      ledger.add(copy);
      changes.created.push(copy);
    }
  }
  r.updatedAtMs = nowMs;
  return changes;
}

/** Parcelas whose day came are posted; those now within the bank's window ahead appear, PENDING. */
function evolveParcelas(ledger: AccountLedger, nowMs: number, changes: Changes): void {
  const r = ledger.record;
  for (const { purchase, n } of visibleParcelas(r, nowMs)) {
    const id = parcelaId(r, purchase, n);
    const known = ledger.byId(id);
    if (known === undefined && ledger.positionOf(id) === undefined) {
      const tx = parcelaTransaction(r, purchase, n, nowMs, nowMs);
      ledger.add(tx);
      changes.created.push(tx);
    } else if (known?.status === 'PENDING' && parcelaMs(purchase, n) <= nowMs) {
      ledger.update(id, { status: 'POSTED', updatedAt: iso(nowMs) });
      changes.updated.push(id);
    }
  }
}
