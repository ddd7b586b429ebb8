// `cofre bills [--json]`: every stored fatura of every card (the open one and the closed ones) with its card,
// state (open, awaiting payment, paid, partly paid, unpaid), total and due date.
import type { Command } from 'commander';
import type { CardView, FaturaState, FaturaView } from '../../shared/contract';
import { centavosText } from '../../shared/money';
import { withCore } from '../cli-core';
import { addGlobalOptions, type GlobalOptions } from '../global-options';

const STATES: Record<FaturaState, string> = {
  open: 'aberta',
  awaiting: 'aguardando pagamento',
  paid: 'paga',
  partial: 'paga em parte',
  unpaid: 'não paga',
};

const brl = (cents: number, currency = 'BRL') =>
  `${currency === 'BRL' ? 'R$' : currency} ${centavosText(cents, ',')}`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');

export interface BillLine {
  accountId: string;
  card: string;
  bankName: string;
  numberMasked: string | null;
  /** `open:<YYYY-MM>` for the open fatura, the bill's id for a closed one. */
  key: string;
  billId: string | null;
  /** `YYYY-MM` of its due date. */
  month: string;
  state: FaturaState;
  /** Centavos owed on the fatura (positive), as the bank totals it; the open one's running total. */
  total: number;
  paid: number;
  closingDate: string | null;
  dueDate: string | null;
  currencyCode: string;
}

function lines(card: CardView): BillLine[] {
  const faturas: FaturaView[] = [...(card.open ? [card.open] : []), ...card.closed];
  return faturas.map((f) => ({
    accountId: card.accountId,
    card: card.name,
    bankName: card.bankName,
    numberMasked: card.numberMasked,
    key: f.key,
    billId: f.billId,
    month: f.month,
    state: f.state,
    total: f.total,
    paid: f.paid,
    closingDate: f.closingDate,
    dueDate: f.dueDate,
    currencyCode: card.currencyCode,
  }));
}

function textLine(b: BillLine): string {
  const parts = [
    `  ${b.month}`,
    STATES[b.state].padEnd(20),
    `vence ${day(b.dueDate)}`,
    brl(b.total, b.currencyCode),
  ];
  if (b.state === 'open' && b.closingDate) parts.push(`fecha ${day(b.closingDate)}`);
  if (b.state === 'partial') parts.push(`pago ${brl(b.paid, b.currencyCode)}`);
  return parts.join(' · ');
}

export function registerBillCommands(program: Command): void {
  addGlobalOptions(
    program
      .command('bills')
      .description('every stored card bill (fatura) with its card, state, total and due date')
      .option('--json', 'print JSON (amounts in integer centavos owed)'),
  ).action(async (opts: GlobalOptions & { json?: boolean }) => {
    await withCore(opts, async (cli) => {
      const { cards } = await cli.call('bills.cards', {});
      if (opts.json) {
        console.log(JSON.stringify({ bills: cards.flatMap(lines) }, null, 2));
        return;
      }
      if (cards.length === 0) {
        console.log('nenhum cartão de crédito guardado');
        return;
      }
      const out: string[] = [];
      for (const card of cards) {
        out.push(`${card.bankName} · ${card.name}${card.numberMasked ? ` ${card.numberMasked}` : ''}`);
        out.push(...lines(card).map(textLine));
      }
      console.log(out.join('\n'));
    });
  });
}
