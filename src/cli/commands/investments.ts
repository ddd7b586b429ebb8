// `cofre investments [--json]`: every stored position and loan, what each bank did not cover, and net worth.
import type { Command } from 'commander';
import type { InvestmentView, LoanView, NetWorthView, ProductCoverage } from '../../shared/contract';
import { centavosText } from '../../shared/money';
import { withCore } from '../cli-core';
import { addGlobalOptions, type GlobalOptions } from '../global-options';

const GROUPS: Record<string, string> = {
  fixed_income: 'Renda fixa',
  treasury: 'Tesouro Direto',
  funds: 'Fundos',
  equities: 'Ações e FIIs',
  pension: 'Previdência',
  other: 'Outros',
};

const STATES: Record<string, string> = {
  not_covered: 'não cobertos por este banco',
  failed: 'não puderam ser lidos na última sincronização',
  never_read: 'ainda não lidos',
};

const brl = (cents: number | null, currency = 'BRL') =>
  cents === null ? '—' : `${currency === 'BRL' ? 'R$' : currency} ${centavosText(cents, ',')}`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');

function positionLine(p: InvestmentView): string {
  const parts = [`  ${p.name} (${p.bankName})`, `saldo ${brl(p.balance, p.currencyCode)}`];
  if (p.invested !== null) parts.push(`investido ${brl(p.invested, p.currencyCode)}`);
  if (p.profit !== null) parts.push(`rendimento ${brl(p.profit, p.currencyCode)}`);
  if (p.dueDate) parts.push(`vence ${day(p.dueDate)}`);
  if (p.status === 'TOTAL_WITHDRAWAL') parts.push('resgatado');
  return parts.join(' · ');
}

function loanLine(l: LoanView): string {
  const installments =
    l.installmentsTotal !== null ? `${l.installmentsPaid ?? 0}/${l.installmentsTotal} parcelas pagas` : null;
  return [
    `  ${l.productName} (${l.bankName}${l.contractNumberMasked ? ` ${l.contractNumberMasked}` : ''})`,
    `saldo devedor ${brl(l.outstanding, l.currencyCode)}`,
    installments,
    l.interestRate !== null
      ? `juros ${(l.interestRate * 100).toFixed(2).replace('.', ',')}% ${l.interestRatePeriodicity === 'YEARLY' ? 'a.a.' : 'a.m.'}`
      : null,
  ]
    .filter((p) => p !== null)
    .join(' · ');
}

function gaps(label: string, coverage: readonly ProductCoverage[]): string[] {
  return coverage
    .filter((c) => c.state !== 'read')
    .map((c) => `  ${c.bankName}: ${label} ${STATES[c.state] ?? c.state}`);
}

function netWorthLines(n: NetWorthView): string[] {
  return [
    `Patrimônio líquido: ${brl(n.total)}`,
    `  contas ${brl(n.accounts)} + investimentos ${brl(n.investments)} − empréstimos ${brl(-n.loans)}` +
      (n.openBills === null
        ? ' (faturas abertas ainda não lidas: fora da conta)'
        : ` − faturas ${brl(-n.openBills)}`),
  ];
}

export function registerInvestmentCommands(program: Command): void {
  addGlobalOptions(
    program
      .command('investments')
      .description('every stored investment and loan, what each bank does not cover, and the net worth line')
      .option('--json', 'print JSON (amounts in integer centavos, debts negative)'),
  ).action(async (opts: GlobalOptions & { json?: boolean }) => {
    await withCore(opts, async (cli) => {
      const investments = await cli.call('investments.list', {});
      const loans = await cli.call('loans.list', {});
      const netWorth = await cli.call('investments.netWorth', {});
      if (opts.json) {
        console.log(
          JSON.stringify(
            {
              positions: investments.positions,
              loans: loans.loans,
              coverage: { investments: investments.coverage, loans: loans.coverage },
              netWorth,
            },
            null,
            2,
          ),
        );
        return;
      }
      const out: string[] = [];
      for (const [group, label] of Object.entries(GROUPS)) {
        const rows = investments.positions.filter((p) => p.group === group);
        if (rows.length === 0) continue;
        const total = rows.reduce((s, p) => s + (p.currencyCode === 'BRL' ? p.balance : 0), 0);
        out.push(`${label}: ${brl(total)}`, ...rows.map(positionLine));
      }
      if (investments.positions.length === 0) out.push('nenhum investimento guardado');
      out.push(...gaps('investimentos', investments.coverage));
      out.push(loans.loans.length > 0 ? 'Empréstimos:' : 'nenhum empréstimo guardado');
      out.push(...loans.loans.map(loanLine), ...gaps('empréstimos', loans.coverage));
      out.push(...netWorthLines(netWorth));
      console.log(out.join('\n'));
    });
  });
}
