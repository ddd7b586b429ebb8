// Investment positions and their movements: upsert what Pluggy lists, mark the vanished, list for the screens.
import type { Investment, InvestmentTransaction } from '../../../shared/pluggy';
import { toCentavos } from '../../../shared/money';
import type { Db } from '../db';
import { prepared } from '../prepared';
import {
  markMissingRemoved,
  optionalCentavos,
  optionalNumber,
  upsertProductRows,
  type ProductUpsert,
} from '../product-rows';
import { isoOrNull } from '../raw-json';

export interface StoredInvestment {
  id: string;
  connectionId: string;
  type: string | null;
  subtype: string | null;
  name: string;
  code: string | null;
  number: string | null;
  status: string | null;
  currencyCode: string;
  /** Centavos: the current net balance. */
  balance: number;
  /** Centavos: gross amount. */
  amount: number | null;
  /** Centavos: what was invested. */
  amountOriginal: number | null;
  /** Centavos: profit or loss to date, only when the bank gives it. */
  amountProfit: number | null;
  amountWithdrawal: number | null;
  taxes: number | null;
  quantity: number | null;
  rate: number | null;
  rateType: string | null;
  fixedAnnualRate: number | null;
  annualRate: number | null;
  lastTwelveMonthsRate: number | null;
  issuer: string | null;
  dueDate: string | null;
  purchaseDate: string | null;
  balanceDate: string | null;
  removedAt: string | null;
}

export interface StoredInvestmentTransaction {
  id: string;
  investmentId: string;
  type: string | null;
  movementType: string | null;
  description: string | null;
  date: string | null;
  tradeDate: string | null;
  /** Centavos, as Pluggy gives it (gross, unsigned); `movementType` says the direction. */
  amount: number | null;
  netAmount: number | null;
  quantity: number | null;
}

const COLUMNS = `id, connection_id AS connectionId, type, subtype, name, code, number, status,
  currency_code AS currencyCode, balance, amount, amount_original AS amountOriginal,
  amount_profit AS amountProfit, amount_withdrawal AS amountWithdrawal, taxes, quantity, rate,
  rate_type AS rateType, fixed_annual_rate AS fixedAnnualRate, annual_rate AS annualRate,
  last_twelve_months_rate AS lastTwelveMonthsRate, issuer, due_date AS dueDate,
  purchase_date AS purchaseDate, balance_date AS balanceDate, removed_at AS removedAt`;

const UPSERT_SQL = `INSERT INTO investments (id, connection_id, type, subtype, name, code, number, status,
  currency_code, balance, amount, amount_original, amount_profit, amount_withdrawal, taxes, quantity, rate,
  rate_type, fixed_annual_rate, annual_rate, last_twelve_months_rate, issuer, due_date, purchase_date,
  balance_date, first_seen_at, changed_at, raw_hash, raw)
VALUES (@id, @connection_id, @type, @subtype, @name, @code, @number, @status, @currency_code, @balance,
  @amount, @amount_original, @amount_profit, @amount_withdrawal, @taxes, @quantity, @rate, @rate_type,
  @fixed_annual_rate, @annual_rate, @last_twelve_months_rate, @issuer, @due_date, @purchase_date,
  @balance_date, @at, @at, @raw_hash, @raw)
ON CONFLICT (id) DO UPDATE SET connection_id = excluded.connection_id, type = excluded.type,
  subtype = excluded.subtype, name = excluded.name, code = excluded.code, number = excluded.number,
  status = excluded.status, currency_code = excluded.currency_code, balance = excluded.balance,
  amount = excluded.amount, amount_original = excluded.amount_original, amount_profit = excluded.amount_profit,
  amount_withdrawal = excluded.amount_withdrawal, taxes = excluded.taxes, quantity = excluded.quantity,
  rate = excluded.rate, rate_type = excluded.rate_type, fixed_annual_rate = excluded.fixed_annual_rate,
  annual_rate = excluded.annual_rate, last_twelve_months_rate = excluded.last_twelve_months_rate,
  issuer = excluded.issuer, due_date = excluded.due_date, purchase_date = excluded.purchase_date,
  balance_date = excluded.balance_date, changed_at = excluded.changed_at, removed_at = NULL,
  raw_hash = excluded.raw_hash, raw = excluded.raw
WHERE investments.raw_hash IS NOT excluded.raw_hash OR investments.removed_at IS NOT NULL`;

const MOVEMENT_SQL = `INSERT INTO investment_transactions (id, investment_id, type, movement_type, description,
  date, trade_date, amount, net_amount, quantity, first_seen_at, changed_at, raw_hash, raw)
VALUES (@id, @investment_id, @type, @movement_type, @description, @date, @trade_date, @amount, @net_amount,
  @quantity, @at, @at, @raw_hash, @raw)
ON CONFLICT (id) DO UPDATE SET investment_id = excluded.investment_id, type = excluded.type,
  movement_type = excluded.movement_type, description = excluded.description, date = excluded.date,
  trade_date = excluded.trade_date, amount = excluded.amount, net_amount = excluded.net_amount,
  quantity = excluded.quantity, changed_at = excluded.changed_at, removed_at = NULL,
  raw_hash = excluded.raw_hash, raw = excluded.raw
WHERE investment_transactions.raw_hash IS NOT excluded.raw_hash OR investment_transactions.removed_at IS NOT NULL`;

/** Stores an item's positions; the connection must be stored first. */
export function upsertInvestments(
  db: Db,
  connectionId: string,
  investments: readonly Investment[],
  at: string,
): ProductUpsert {
  return upsertProductRows(db, 'investments', UPSERT_SQL, investments, (i, raw) => ({
    id: i.id,
    connection_id: connectionId,
    type: i.type ?? null,
    subtype: i.subtype ?? null,
    name: i.name ?? i.code ?? i.id,
    code: i.code ?? null,
    number: i.number ?? null,
    status: i.status ?? null,
    currency_code: i.currencyCode ?? 'BRL',
    balance: toCentavos(i.balance),
    amount: optionalCentavos(i.amount),
    amount_original: optionalCentavos(i.amountOriginal),
    amount_profit: optionalCentavos(i.amountProfit),
    amount_withdrawal: optionalCentavos(i.amountWithdrawal),
    taxes: optionalCentavos(i.taxes),
    quantity: optionalNumber(i.quantity),
    rate: optionalNumber(i.rate),
    rate_type: i.rateType ?? null,
    fixed_annual_rate: optionalNumber(i.fixedAnnualRate),
    annual_rate: optionalNumber(i.annualRate),
    last_twelve_months_rate: optionalNumber(i.lastTwelveMonthsRate),
    issuer: i.issuer ?? null,
    due_date: isoOrNull(i.dueDate, 'dueDate', i.id),
    purchase_date: isoOrNull(i.purchaseDate, 'purchaseDate', i.id),
    balance_date: isoOrNull(i.date, 'date', i.id),
    at,
    raw_hash: raw.hash,
    raw: raw.text,
  }));
}

export function markMissingInvestmentsRemoved(
  db: Db,
  connectionId: string,
  presentIds: readonly string[],
  at: string,
): number {
  return markMissingRemoved(db, 'investments', 'connection_id', connectionId, presentIds, at);
}

export function upsertInvestmentTransactions(
  db: Db,
  investmentId: string,
  movements: readonly InvestmentTransaction[],
  at: string,
): ProductUpsert {
  return upsertProductRows(db, 'investment_transactions', MOVEMENT_SQL, movements, (t, raw) => ({
    id: t.id,
    investment_id: investmentId,
    type: t.type ?? null,
    movement_type: t.movementType ?? null,
    description: t.description ?? null,
    date: isoOrNull(t.date, 'date', t.id),
    trade_date: isoOrNull(t.tradeDate, 'tradeDate', t.id),
    amount: optionalCentavos(t.amount),
    net_amount: optionalCentavos(t.netAmount),
    quantity: optionalNumber(t.quantity),
    at,
    raw_hash: raw.hash,
    raw: raw.text,
  }));
}

export function markMissingInvestmentTransactionsRemoved(
  db: Db,
  investmentId: string,
  presentIds: readonly string[],
  at: string,
): number {
  return markMissingRemoved(db, 'investment_transactions', 'investment_id', investmentId, presentIds, at);
}

export interface ListInvestmentsOptions {
  connectionId?: string;
  includeRemoved?: boolean;
}

export function listInvestments(db: Db, options: ListInvestmentsOptions = {}): StoredInvestment[] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (options.connectionId !== undefined) {
    parts.push('connection_id = ?');
    params.push(options.connectionId);
  }
  if (!options.includeRemoved) parts.push('removed_at IS NULL');
  const where = parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
  return prepared(
    db,
    `SELECT ${COLUMNS} FROM investments ${where} ORDER BY connection_id, type, name, id`,
  ).all(...params) as StoredInvestment[];
}

export function getInvestment(db: Db, id: string): StoredInvestment | null {
  return (
    (prepared(db, `SELECT ${COLUMNS} FROM investments WHERE id = ?`).get(id) as
      StoredInvestment | undefined) ?? null
  );
}

/** A position's live movements, newest first. */
export function listInvestmentTransactions(db: Db, investmentId: string): StoredInvestmentTransaction[] {
  return prepared(
    db,
    `SELECT id, investment_id AS investmentId, type, movement_type AS movementType, description, date,
       trade_date AS tradeDate, amount, net_amount AS netAmount, quantity
     FROM investment_transactions WHERE investment_id = ? AND removed_at IS NULL
     ORDER BY date DESC, id`,
  ).all(investmentId) as StoredInvestmentTransaction[];
}

/** Each stored position's raw hash: a position Pluggy sends unchanged has no new movements to read. */
export function investmentHashes(db: Db, connectionId: string): Map<string, string> {
  const rows = prepared(
    db,
    'SELECT id, raw_hash AS hash FROM investments WHERE connection_id = ? AND removed_at IS NULL',
  ).all(connectionId) as { id: string; hash: string }[];
  return new Map(rows.map((r) => [r.id, r.hash]));
}
