// OFX 1.0.2 (SGML) export, the format Brazilian banks and most finance apps import: one statement per account.
import type { StoredAccount, StoredTransaction } from '../store';

function ofxDate(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '') + '120000';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 255);
}

/** Money out is negative in OFX whatever Pluggy's sign convention for the account type (see pluggy-api.md §6). */
function signedAmount(t: StoredTransaction): string {
  const value = Math.abs(t.amount) * (t.type === 'DEBIT' ? -1 : 1);
  return value.toFixed(2);
}

export interface OfxStatement {
  account: StoredAccount;
  transactions: readonly StoredTransaction[];
}

function statementBlock({ account, transactions }: OfxStatement, generatedAt: string, uid: number): string[] {
  const dates = transactions.map((t) => t.date).sort();
  const lines: string[] = [];
  for (const t of transactions) {
    const memo = t.counterpartyName ?? t.merchantName ?? '';
    lines.push(
      '<STMTTRN>',
      `<TRNTYPE>${t.type === 'DEBIT' ? 'DEBIT' : 'CREDIT'}`,
      `<DTPOSTED>${ofxDate(t.date)}`,
      `<TRNAMT>${signedAmount(t)}`,
      `<FITID>${escape(t.id)}`,
      `<NAME>${escape(t.description)}`,
      ...(memo ? [`<MEMO>${escape(memo)}`] : []),
      '</STMTTRN>',
    );
  }
  const isCard = account.type === 'CREDIT';
  const from = isCard
    ? ['<CCACCTFROM>', `<ACCTID>${escape(account.id)}`, '</CCACCTFROM>']
    : [
        '<BANKACCTFROM>',
        '<BANKID>0000',
        `<ACCTID>${escape(account.id)}`,
        `<ACCTTYPE>${account.subtype === 'SAVINGS_ACCOUNT' ? 'SAVINGS' : 'CHECKING'}`,
        '</BANKACCTFROM>',
      ];
  const [trnrs, rs] = isCard ? ['CCSTMTTRNRS', 'CCSTMTRS'] : ['STMTTRNRS', 'STMTRS'];
  // A card's balance is what is owed; OFX wants it as a negative ledger balance.
  const balance = isCard ? -account.balance : account.balance;
  return [
    `<${trnrs}><TRNUID>${uid}<STATUS><CODE>0<SEVERITY>INFO</STATUS>`,
    `<${rs}><CURDEF>${escape(account.currencyCode)}`,
    ...from,
    `<BANKTRANLIST><DTSTART>${ofxDate(dates[0] ?? generatedAt)}<DTEND>${ofxDate(dates[dates.length - 1] ?? generatedAt)}`,
    ...lines,
    '</BANKTRANLIST>',
    `<LEDGERBAL><BALAMT>${balance.toFixed(2)}<DTASOF>${ofxDate(generatedAt)}</LEDGERBAL>`,
    `</${rs}></${trnrs}>`,
  ];
}

/** One OFX file: bank statements under BANKMSGSRSV1, card statements under CREDITCARDMSGSRSV1. */
export function ofxDocument(statements: readonly OfxStatement[], generatedAt: string): string {
  const bank = statements.filter((s) => s.account.type !== 'CREDIT');
  const cards = statements.filter((s) => s.account.type === 'CREDIT');
  let uid = 0;
  const section = (tag: string, list: readonly OfxStatement[]) =>
    list.length === 0
      ? []
      : [`<${tag}>`, ...list.flatMap((s) => statementBlock(s, generatedAt, ++uid)), `</${tag}>`];
  return [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'SECURITY:NONE',
    'ENCODING:USASCII',
    'CHARSET:1252',
    'COMPRESSION:NONE',
    'OLDFILEUID:NONE',
    'NEWFILEUID:NONE',
    '',
    '<OFX>',
    '<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>',
    `<DTSERVER>${ofxDate(generatedAt)}<LANGUAGE>POR</SONRS></SIGNONMSGSRSV1>`,
    ...section('BANKMSGSRSV1', bank),
    ...section('CREDITCARDMSGSRSV1', cards),
    '</OFX>',
    '',
  ].join('\n');
}
