// Each card's faturas from the store: closed bills as Pluggy gave them, the open one from its transactions,
// every card transaction placed in its fatura (billId, else billForecastDate, else its date), parcelas ahead.
import {
  addMonths,
  daysUntil,
  faturaState,
  monthOf,
  parcelasAhead,
  type ParcelaRow,
} from '../../shared/bills';
import type { CardView, FaturaView, MonthAmountView } from '../../shared/contract';
import { toCentavos } from '../../shared/money';
import {
  listAccounts,
  listBillReads,
  listBills,
  listCardRows,
  listConnections,
  type CardRow,
  type StoredAccount,
  type StoredBill,
} from '../store';
import type { Db } from '../store/db';

export const OPEN_KEY_PREFIX = 'open:';

export interface CardFaturas {
  account: StoredAccount;
  /** `YYYY-MM` (due month) of the open fatura. */
  openMonth: string;
  openClosingDate: string | null;
  openDueDate: string | null;
  closed: { bill: StoredBill; rows: CardRow[] }[];
  openRows: CardRow[];
  rows: CardRow[];
}

/** The open fatura's dates: the card's own (creditData), else a month after the last closed bill's. */
function openDates(account: StoredAccount, bills: StoredBill[], nowMs: number) {
  const last = bills[bills.length - 1];
  const due =
    account.balanceDueDate && (!last || account.balanceDueDate > last.dueDate)
      ? account.balanceDueDate
      : last
        ? `${addMonths(monthOf(last.dueDate), 1)}${last.dueDate.slice(7)}`
        : null;
  const closing =
    account.balanceCloseDate && (!last || account.balanceCloseDate > (last.closingDate ?? ''))
      ? account.balanceCloseDate
      : last?.closingDate
        ? `${addMonths(monthOf(last.closingDate), 1)}${last.closingDate.slice(7)}`
        : null;
  return { due, closing, month: due ? monthOf(due) : monthOf(new Date(nowMs).toISOString()) };
}

export function cardFaturas(db: Db, account: StoredAccount, nowMs: number): CardFaturas {
  const bills = listBills(db, account.id);
  const rows = listCardRows(db, account.id);
  const open = openDates(account, bills, nowMs);
  const byId = new Map(bills.map((b) => [b.id, { bill: b, rows: [] as CardRow[] }]));
  const byMonth = new Map([...byId.values()].map((f) => [monthOf(f.bill.dueDate), f]));
  const openRows: CardRow[] = [];
  const lastClosing = bills[bills.length - 1]?.closingDate ?? null;
  for (const row of rows) {
    const linked = row.billId ? byId.get(row.billId) : undefined;
    if (linked) {
      linked.rows.push(row);
      continue;
    }
    const month = row.billForecastDate ?? placeByDate(row, bills, lastClosing, open.month);
    if (month === null) continue;
    const closed = byMonth.get(month);
    // A bank whose due date drifts with the month's length can give the open fatura the due month of the last
    // closed one: an unlinked row dated after that bill closed belongs to the open one.
    const afterClosing = lastClosing !== null && row.date >= lastClosing;
    if (month === open.month && (!closed || afterClosing)) openRows.push(row);
    else if (closed) closed.rows.push(row);
  }
  return {
    account,
    openMonth: open.month,
    openClosingDate: open.closing,
    openDueDate: open.due,
    closed: [...byId.values()],
    openRows,
    rows,
  };
}

/** A row the bank did not link (no billId, no forecast): the closed bill whose period holds its date, or the open one. */
function placeByDate(
  row: CardRow,
  bills: StoredBill[],
  lastClosing: string | null,
  openMonth: string,
): string | null {
  if (lastClosing === null || row.date >= lastClosing) return openMonth;
  const bill = bills.find((b) => b.closingDate !== null && row.date < b.closingDate);
  return bill ? monthOf(bill.dueDate) : null;
}

/** Pluggy's sign on a card: purchases positive, payments and refunds negative; centavos owed. */
const owed = (rows: CardRow[]) => rows.reduce((s, r) => s + r.cents, 0);

function closedView(f: { bill: StoredBill; rows: CardRow[] }, nowMs: number): FaturaView {
  const b = f.bill;
  const paid = b.payments.reduce((s, p) => s + p.amount, 0);
  return {
    key: b.id,
    billId: b.id,
    month: monthOf(b.dueDate),
    closingDate: b.closingDate,
    dueDate: b.dueDate,
    state: faturaState(
      { totalCents: b.totalAmount, paidCents: paid, closed: true, dueDate: b.dueDate },
      nowMs,
    ),
    total: b.totalAmount,
    paid,
    minimumPayment: b.minimumPayment,
    financeCharges: b.financeCharges.map((c) => ({
      type: c.type,
      amount: c.amount,
      additionalInfo: c.additionalInfo,
    })),
    payments: b.payments.map((p) => ({
      valueType: p.valueType,
      paymentDate: p.paymentDate,
      paymentMode: p.paymentMode,
      amount: p.amount,
    })),
    transactionCount: f.rows.length,
    daysToClosing: null,
    daysToDue: daysUntil(b.dueDate, nowMs),
  };
}

function openView(c: CardFaturas, nowMs: number): FaturaView {
  return {
    key: `${OPEN_KEY_PREFIX}${c.openMonth}`,
    billId: null,
    month: c.openMonth,
    closingDate: c.openClosingDate,
    dueDate: c.openDueDate,
    state: 'open',
    total: owed(c.openRows),
    paid: 0,
    minimumPayment: null,
    financeCharges: [],
    payments: [],
    transactionCount: c.openRows.length,
    daysToClosing: c.openClosingDate ? daysUntil(c.openClosingDate, nowMs) : null,
    daysToDue: c.openDueDate ? daysUntil(c.openDueDate, nowMs) : null,
  };
}

/** The month (`YYYY-MM` by due date) each row falls in, for parcelas. */
function parcelaRows(c: CardFaturas): ParcelaRow[] {
  const monthOfBill = new Map(c.closed.map((f) => [f.bill.id, monthOf(f.bill.dueDate)]));
  const out: ParcelaRow[] = [];
  for (const r of c.rows) {
    if (r.installmentNumber === null || r.totalInstallments === null || r.totalInstallments <= 1) continue;
    const month = (r.billId ? monthOfBill.get(r.billId) : undefined) ?? r.billForecastDate ?? monthOf(r.date);
    out.push({
      accountId: r.accountId,
      description: r.description,
      cents: r.cents,
      installmentNumber: r.installmentNumber,
      totalInstallments: r.totalInstallments,
      totalAmountCents: typeof r.totalAmount === 'number' ? toCentavos(r.totalAmount) : null,
      purchaseDate: r.purchaseDate,
      month,
    });
  }
  return out;
}

export function creditCards(db: Db): StoredAccount[] {
  return listAccounts(db, { includeRemoved: false }).filter((a) => a.type === 'CREDIT');
}

/** Everything the Cartões screen shows, per card and the parcelas ahead in total. */
export function cardsView(db: Db, nowMs: number): { cards: CardView[]; aheadTotal: MonthAmountView[] } {
  const banks = new Map(listConnections(db, { includeArchived: true }).map((c) => [c.id, c.connectorName]));
  const reads = new Map(listBillReads(db).map((r) => [r.accountId, r]));
  const all = creditCards(db).map((a) => cardFaturas(db, a, nowMs));
  const ahead = parcelasAhead(all.flatMap(parcelaRows), new Map(all.map((c) => [c.account.id, c.openMonth])));
  const cards = all.map((c): CardView => {
    const a = c.account;
    const read = reads.get(a.id);
    return {
      accountId: a.id,
      connectionId: a.connectionId,
      bankName: banks.get(a.connectionId) ?? '',
      name: a.marketingName ?? a.name,
      numberMasked: a.number ? `•••• ${a.number.slice(-4)}` : null,
      currencyCode: a.currencyCode,
      open: openView(c, nowMs),
      closed: c.closed.map((f) => closedView(f, nowMs)).reverse(),
      ahead: ahead.byCard.find((x) => x.accountId === a.id)?.months ?? [],
      purchases: ahead.purchases
        .filter((p) => p.accountId === a.id)
        .map((p) => ({
          description: p.description,
          purchaseDate: p.purchaseDate,
          totalInstallments: p.totalInstallments,
          totalAmount: p.totalAmountCents,
          current: p.current,
          remaining: p.remaining,
          remainingCents: p.remainingCents,
          lastMonth: p.lastMonth,
        })),
      billsReadAt: read?.readAt ?? null,
      billsErrorCode: read?.errorCode ?? null,
    };
  });
  return { cards, aheadTotal: ahead.total };
}

/** One fatura's transaction ids (oldest first) and due month; null when the card or fatura is unknown. */
export function faturaRowIds(
  db: Db,
  accountId: string,
  key: string,
  nowMs: number,
): { ids: string[]; month: string } | null {
  const account = creditCards(db).find((a) => a.id === accountId);
  if (!account) return null;
  const c = cardFaturas(db, account, nowMs);
  if (key === `${OPEN_KEY_PREFIX}${c.openMonth}`)
    return { ids: c.openRows.map((r) => r.id), month: c.openMonth };
  const closed = c.closed.find((f) => f.bill.id === key);
  return closed ? { ids: closed.rows.map((r) => r.id), month: monthOf(closed.bill.dueDate) } : null;
}
