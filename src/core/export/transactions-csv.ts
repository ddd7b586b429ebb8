// CSV export of transactions in two variants: standard (comma, dot decimals, ISO dates, UTF-8) and pt-BR for
// Excel/LibreOffice in Portuguese (semicolon, decimal comma, dd/mm/aaaa, UTF-8 with BOM, Portuguese names).
import { categoryNamePtBr } from '../../shared/categories/pt-BR';
import { centavosText, signedCentavos } from '../../shared/money';
import type { StoredAccount, StoredTransaction } from '../store';

export type CsvVariant = 'standard' | 'pt-BR';

interface VariantRules {
  separator: ',' | ';';
  decimal: '.' | ',';
  /** Spreadsheets read a file as UTF-8 only when it starts with a BOM; tools that parse CSV do not need one. */
  bom: string;
  date(day: string): string;
  header: readonly string[];
  category(name: string): string;
  type(type: string): string;
  status(status: string): string;
  /** "3/12" would open as a date (3 Dec) in a Portuguese spreadsheet. */
  installment(n: number, total: number): string;
}

const STANDARD_HEADER = [
  'id',
  'date',
  'account',
  'account_number',
  'account_id',
  'description',
  'amount',
  'currency',
  'original_amount',
  'original_currency',
  'type',
  'status',
  'category',
  'merchant',
  'counterparty',
  'payment_method',
  'installment',
] as const;

const PT_BR_HEADER = [
  'id',
  'data',
  'conta',
  'numero_conta',
  'id_conta',
  'descricao',
  'valor',
  'moeda',
  'valor_original',
  'moeda_original',
  'tipo',
  'situacao',
  'categoria',
  'estabelecimento',
  'contraparte',
  'forma_pagamento',
  'parcela',
] as const;

const VARIANTS: Record<CsvVariant, VariantRules> = {
  standard: {
    separator: ',',
    decimal: '.',
    bom: '',
    date: (day) => day,
    header: STANDARD_HEADER,
    category: (name) => name,
    type: (type) => type,
    status: (status) => status,
    installment: (n, total) => `${n}/${total}`,
  },
  'pt-BR': {
    separator: ';',
    decimal: ',',
    bom: '\uFEFF',
    date: (day) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`,
    header: PT_BR_HEADER,
    category: categoryNamePtBr,
    type: (type) => (type === 'DEBIT' ? 'Saída' : type === 'CREDIT' ? 'Entrada' : type),
    status: (status) => (status === 'PENDING' ? 'Pendente' : status === 'POSTED' ? 'Efetivada' : status),
    installment: (n, total) => `${n} de ${total}`,
  },
};

/** A number cell: written as the number it is, never guarded, so a spreadsheet sums it. */
class NumberCell {
  constructor(readonly text: string) {}
}

/**
 * A text cell: one a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe;
 * quoted when it holds the separator, a quote or a line break.
 */
function textCell(value: string, separator: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvExport {
  variant: CsvVariant;
  accounts: ReadonlyMap<string, StoredAccount>;
}

export function csvHeader(variant: CsvVariant): string {
  const rules = VARIANTS[variant];
  return rules.bom + rules.header.join(rules.separator);
}

/**
 * One transaction as a CSV line. `amount` is in the account's currency in Cofre's sign convention (money out
 * negative on every account type): a foreign purchase is what it cost in R$, its own figure beside it.
 */
export function csvRow(t: StoredTransaction, { variant, accounts }: CsvExport): string {
  const rules = VARIANTS[variant];
  const account = accounts.get(t.accountId);
  const money = (cents: number) => new NumberCell(centavosText(signedCentavos(t.type, cents), rules.decimal));
  const foreign = t.amountInAccountCurrency !== null;
  // Only for real installment plans; a single-payment purchase (1/1) has none.
  const installment =
    t.installmentNumber !== null && t.totalInstallments !== null && t.totalInstallments > 1
      ? rules.installment(t.installmentNumber, t.totalInstallments)
      : '';
  const cells: (string | NumberCell)[] = [
    t.id,
    rules.date(t.date.slice(0, 10)),
    account ? (account.marketingName ?? account.name) : '',
    account?.number ?? '',
    t.accountId,
    t.description,
    money(t.amountInAccountCurrency ?? t.amount),
    account?.currencyCode ?? t.currencyCode ?? '',
    foreign ? money(t.amount) : '',
    foreign ? (t.currencyCode ?? '') : '',
    rules.type(t.type),
    rules.status(t.status),
    t.category === null ? '' : rules.category(t.category),
    t.merchantName ?? '',
    t.counterpartyName ?? '',
    t.paymentMethod ?? '',
    installment,
  ];
  return cells
    .map((c) => (c instanceof NumberCell ? c.text : textCell(c, rules.separator)))
    .join(rules.separator);
}
