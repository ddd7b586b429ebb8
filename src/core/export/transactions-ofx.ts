// OFX 1.0.2 (SGML) export, the format Brazilian banks and most finance apps import: one statement per account.
import { createHash } from 'node:crypto';
import { centavosText, signedBalance, signedCentavos } from '../../shared/money';
import type { StoredAccount, StoredTransaction } from '../store';

/** `YYYYMMDDHHMMSS[0:GMT]`: the instant, in UTC, said so (a bare date would be read as local time). */
function ofxDateTime(iso: string): string {
  const d = iso.slice(0, 19).replace(/[-:T]/g, '');
  return `${d.padEnd(14, '0')}[0:GMT]`;
}

/** A posting day: noon UTC, so no time zone moves it to another day. */
function ofxDay(iso: string): string {
  return `${iso.slice(0, 10).replace(/-/g, '')}120000[0:GMT]`;
}

function escape(text: string, max: number): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, max);
}

/** FITID is at most 255 characters and must be unique in the file: a longer id is replaced by its hash. */
function fitId(t: StoredTransaction): string {
  return t.id.length <= 255 && !/[<>&\r\n]/.test(t.id)
    ? t.id
    : createHash('sha256').update(t.id).digest('hex');
}

/**
 * ACCTID per account: its number, which an importer matches to the account the person already keeps (OFX
 * allows 22 characters, and libofx cuts longer ones); when a number is missing, too long or shared by two
 * accounts of the file (two links to one bank), 22 characters of a hash of Pluggy's id instead.
 */
function acctIds(accounts: readonly StoredAccount[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const a of accounts) if (a.number) count.set(a.number, (count.get(a.number) ?? 0) + 1);
  return new Map(
    accounts.map((a) => {
      const usable =
        a.number && a.number.length <= 22 && count.get(a.number) === 1 && !/[<>&\s]/.test(a.number);
      return [a.id, usable ? a.number! : createHash('sha256').update(a.id).digest('hex').slice(0, 22)];
    }),
  );
}

export interface OfxStatement {
  account: StoredAccount;
  transactions: readonly StoredTransaction[];
}

function transactionBlock(t: StoredTransaction): string[] {
  // In the account's currency and Cofre's sign convention (money out negative, whatever Pluggy's sign).
  const amount = signedCentavos(t.type, t.amountInAccountCurrency ?? t.amount);
  const foreign =
    t.amountInAccountCurrency !== null ? `${t.currencyCode ?? ''} ${centavosText(Math.abs(t.amount))}` : '';
  const who = t.counterpartyName ?? t.merchantName ?? '';
  // NAME holds 32 characters; the whole description goes to MEMO when it is longer.
  const memo = [t.description.length > 32 ? t.description : '', who, foreign].filter(Boolean).join(' · ');
  return [
    '<STMTTRN>',
    `<TRNTYPE>${t.type === 'DEBIT' ? 'DEBIT' : 'CREDIT'}`,
    `<DTPOSTED>${ofxDay(t.date)}`,
    `<TRNAMT>${centavosText(amount)}`,
    `<FITID>${fitId(t)}`,
    `<NAME>${escape(t.description, 32)}`,
    ...(memo ? [`<MEMO>${escape(memo, 255)}`] : []),
    '</STMTTRN>',
  ];
}

function statementBlock(
  { account, transactions }: OfxStatement,
  acctId: string,
  generatedAt: string,
  uid: number,
): string[] {
  const dates = transactions.map((t) => t.date).sort();
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const t of transactions) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    lines.push(...transactionBlock(t));
  }
  const isCard = account.type === 'CREDIT';
  const accountId = escape(acctId, 22);
  const from = isCard
    ? ['<CCACCTFROM>', `<ACCTID>${accountId}`, '</CCACCTFROM>']
    : [
        '<BANKACCTFROM>',
        '<BANKID>0000',
        `<ACCTID>${accountId}`,
        `<ACCTTYPE>${account.subtype === 'SAVINGS_ACCOUNT' ? 'SAVINGS' : 'CHECKING'}`,
        '</BANKACCTFROM>',
      ];
  const [trnrs, rs] = isCard ? ['CCSTMTTRNRS', 'CCSTMTRS'] : ['STMTTRNRS', 'STMTRS'];
  // The balance Pluggy reported, as of when Pluggy last updated the account (not when the file was
  // written); a card's is what is owed, which OFX wants negative, as Cofre's convention has it.
  const balanceAsOf = account.pluggyUpdatedAt ?? account.changedAt;
  return [
    `<${trnrs}><TRNUID>${uid}<STATUS><CODE>0<SEVERITY>INFO</STATUS>`,
    `<${rs}><CURDEF>${escape(account.currencyCode, 3)}`,
    ...from,
    `<BANKTRANLIST><DTSTART>${ofxDay(dates[0] ?? generatedAt)}<DTEND>${ofxDay(dates[dates.length - 1] ?? generatedAt)}`,
    ...lines,
    '</BANKTRANLIST>',
    `<LEDGERBAL><BALAMT>${centavosText(signedBalance(account.type, account.balance))}<DTASOF>${ofxDateTime(balanceAsOf)}</LEDGERBAL>`,
    `</${rs}></${trnrs}>`,
  ];
}

/**
 * One OFX file: bank statements under BANKMSGSRSV1, card statements under CREDITCARDMSGSRSV1. The text is
 * UTF-8 and the header says so (ENCODING:UTF-8, CHARSET:NONE), so "Salário" reads back as "Salário".
 */
export function ofxDocument(statements: readonly OfxStatement[], generatedAt: string): string {
  const bank = statements.filter((s) => s.account.type !== 'CREDIT');
  const cards = statements.filter((s) => s.account.type === 'CREDIT');
  const ids = acctIds(statements.map((s) => s.account));
  let uid = 0;
  const section = (tag: string, list: readonly OfxStatement[]) =>
    list.length === 0
      ? []
      : [
          `<${tag}>`,
          ...list.flatMap((s) => statementBlock(s, ids.get(s.account.id)!, generatedAt, ++uid)),
          `</${tag}>`,
        ];
  return [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'SECURITY:NONE',
    'ENCODING:UTF-8',
    'CHARSET:NONE',
    'COMPRESSION:NONE',
    'OLDFILEUID:NONE',
    'NEWFILEUID:NONE',
    '',
    '<OFX>',
    '<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>',
    `<DTSERVER>${ofxDateTime(generatedAt)}<LANGUAGE>POR</SONRS></SIGNONMSGSRSV1>`,
    ...section('BANKMSGSRSV1', bank),
    ...section('CREDITCARDMSGSRSV1', cards),
    '</OFX>',
    '',
  ].join('\n');
}
