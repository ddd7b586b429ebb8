// Our exports read by the tools people import them with: Debian's libofx (ofxdump, what GnuCash uses) and
// hledger's CSV import, checked against the sandbox's ground truth (accents, counts, signs, sums).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTransactions } from '../../../src/core/export/transactions-export';
import { signedCentavos, toCentavos } from '../../../src/shared/money';
import type { Account, Transaction } from '../../../src/shared/pluggy';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

let world: SyncWorld;
let accounts: Account[];
let truth: Transaction[];
const NOW = '2026-12-04T12:00:00.000Z';

beforeAll(async () => {
  world = await startSyncWorld({ seed: 'export-consumers' });
  const item = await world.connect('user-ok');
  expect((await world.engine.sync(item.id, 'connect').done).outcome).toBe('success');
  const t = await world.truth(item.id);
  accounts = t.accounts;
  truth = t.transactions;
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** What Cofre promises for each row: money out negative, in the account's currency, to the centavo. */
const expectedCents = (t: Transaction) =>
  signedCentavos(t.type ?? '', toCentavos(t.amountInAccountCurrency ?? t.amount));

/** "-1.067,85" or "-1067.85" as centavos, from its digits (no float). */
function cents(text: string): number {
  const m = /^(-?)([\d.,]*?)[.,]?(\d{2})$/.exec(text.trim().replace(/[^\d.,-]/g, ''));
  if (!m) throw new Error(`not an amount: ${text}`);
  const units = Number(m[2]!.replace(/[.,]/g, '') || '0');
  return (m[1] === '-' ? -1 : 1) * (units * 100 + Number(m[3]));
}

function sumsByAccount(rows: readonly { account: string; cents: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.account] = (out[r.account] ?? 0) + r.cents;
  return out;
}

const truthSums = () => sumsByAccount(truth.map((t) => ({ account: t.accountId, cents: expectedCents(t) })));

function writeExport(name: string, content: string): string {
  const file = join(world.dir, name);
  writeFileSync(file, content);
  return file;
}

describe('OFX read by libofx (ofxdump)', () => {
  it('reads every transaction with its accents, sign and sum, cards as credit-card statements', () => {
    const file = writeExport('export.ofx', exportTransactions(world.db, 'ofx', {}, NOW).content);
    const out = execFileSync('ofxdump', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const blocks = out.split('ofx_proc_transaction():').slice(1);
    // ACCTID is the account's number (libofx keeps 22 characters of it), unique among these accounts.
    const ofxAccounts = new Map(accounts.map((a) => [a.number ?? '', a.id]));
    expect(ofxAccounts.size).toBe(accounts.length);
    expect(blocks).toHaveLength(truth.length);
    const rows = blocks.map((b) => ({
      account: ofxAccounts.get(/Account ID\s*:\s*(?:0000\s+)?(\S+)/.exec(b)![1]!)!,
      cents: cents(/Total money amount: (\S+)/.exec(b)![1]!),
      fitId: /Financial institution's ID for this transaction: (\S+)/.exec(b)![1]!,
      name: /Name of payee or transaction description: (.*)/.exec(b)![1]!,
    }));
    expect(sumsByAccount(rows)).toEqual(truthSums());
    expect(new Set(rows.map((r) => r.fitId)).size).toBe(rows.length);
    const salaries = truth.filter((t) => t.description.startsWith('Salário')).length;
    expect(salaries).toBeGreaterThan(0);
    expect(rows.filter((r) => r.name.startsWith('Salário'))).toHaveLength(salaries);
    // UTF-8 read as one byte a character ("SalÃ¡rio") would show as Ã followed by a continuation byte.
    expect(out).not.toMatch(/Ã[\u0080-\u00bf]/);
    for (const a of accounts) {
      const type =
        a.type === 'CREDIT' ? 'CREDITCARD' : a.subtype === 'SAVINGS_ACCOUNT' ? 'SAVINGS' : 'CHECKING';
      expect(out).toContain(`Account #: ${a.number}\n`);
      expect(out).toContain(`Account type: ${type}`);
    }
    // A card's balance is debt: negative, as of when Pluggy updated it.
    const card = accounts.find((a) => a.type === 'CREDIT')!;
    const cardStatement = out
      .split('ofx_proc_statement():')
      .find((s) => /Account ID: (.+)/.exec(s)?.[1]?.trim() === card.number)!;
    expect(cents(/Ledger balance: (\S+)/.exec(cardStatement)![1]!)).toBe(-toCentavos(card.balance));
  });
});

describe('CSV read by hledger', () => {
  const hledger = (csv: string, rules: string): { account: string; cents: number; description: string }[] => {
    const file = writeExport('export.csv', csv);
    const rulesFile = writeExport('export.csv.rules', rules);
    const out = execFileSync('hledger', ['-f', file, '--rules-file', rulesFile, 'print', '-O', 'csv'], {
      encoding: 'utf8',
    });
    const lines = out.trim().split('\n').slice(1);
    // print -O csv: txnidx, date, date2, status, code, description, comment, account, amount, …
    const parsed = lines.map((l) => JSON.parse(`[${l}]`) as string[]);
    return parsed
      .filter((p) => p[7]!.startsWith('assets:'))
      .map((p) => ({ account: p[7]!.slice('assets:'.length), cents: cents(p[8]!), description: p[5]! }));
  };

  it('imports the standard variant (comma, dot decimals) with every sign and sum right', () => {
    const csv = exportTransactions(world.db, 'csv', {}, NOW).content;
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const rows = hledger(
      csv,
      [
        'skip 1',
        'fields id, date, account, account_number, account_id, description, amount, currency, original_amount, original_currency, type, txstatus, category, merchant, counterparty, payment_method, installment',
        'date-format %Y-%m-%d',
        'account1 assets:%account_id',
        'account2 expenses:other',
      ].join('\n'),
    );
    expect(rows).toHaveLength(truth.length);
    expect(sumsByAccount(rows)).toEqual(truthSums());
    expect(rows.filter((r) => r.description.startsWith('Salário')).length).toBe(
      truth.filter((t) => t.description.startsWith('Salário')).length,
    );
  });

  it('imports the pt-BR variant (semicolon, decimal comma, dd/mm/aaaa, BOM) to the same sums', () => {
    const csv = exportTransactions(world.db, 'csv', {}, NOW, 'pt-BR').content;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Pagamento de cartão de crédito');
    const rows = hledger(
      csv,
      [
        'separator ;',
        'skip 1',
        'fields id, data, conta, numero_conta, id_conta, descricao, valor, moeda, valor_original, moeda_original, tipo, situacao, categoria, estabelecimento, contraparte, forma_pagamento, parcela',
        'date %data',
        'date-format %d/%m/%Y',
        'decimal-mark ,',
        'amount %valor',
        'description %descricao',
        'account1 assets:%id_conta',
        'account2 despesas:outras',
      ].join('\n'),
    );
    expect(rows).toHaveLength(truth.length);
    expect(sumsByAccount(rows)).toEqual(truthSums());
  });
});
