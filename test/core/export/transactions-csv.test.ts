import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportTransactions } from '../../../src/core/export/transactions-export';
import { openDatabase, upsertAccounts, upsertTransactions, type Db } from '../../../src/core/store';
import { sampleAccount, sampleTransaction } from '../store/sample-data';
import { ACCOUNT_ID, ITEM_ID, seedConnection } from '../store/seed';
import { tempDb, type TempDb } from '../store/temp-db';

const NOW = '2026-12-04T12:00:00.000Z';

describe('transactions CSV', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
    upsertAccounts(db, ITEM_ID, [
      sampleAccount(ACCOUNT_ID, ITEM_ID, { name: 'Conta; Corrente', number: '-0042' }),
      sampleAccount('card-1', ITEM_ID, { type: 'CREDIT', subtype: 'CREDIT_CARD', number: '9264' }),
    ]);
    upsertTransactions(db, [
      sampleTransaction(1, ACCOUNT_ID, {
        date: '2025-02-03T03:00:00.000Z',
        type: 'DEBIT',
        amount: -1067.85,
        description: '=HYPERLINK("http://x")',
        category: 'Credit card payment',
      }),
      sampleTransaction(2, 'card-1', {
        date: '2025-02-04T03:00:00.000Z',
        type: 'DEBIT',
        amount: 15.53,
        currencyCode: 'USD',
        amountInAccountCurrency: 88.52,
        description: 'NETFLIX "INTL"',
        category: 'Digital services',
        creditCardMetadata: { installmentNumber: 3, totalInstallments: 12 },
      }),
    ]);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  const lines = (content: string) => content.split('\r\n').filter(Boolean);

  it('writes amounts as numbers in one sign convention, guards only text cells, names the accounts', () => {
    const [header, card, bank] = lines(exportTransactions(db, 'csv', {}, NOW).content);
    expect(header).toBe(
      'id,date,account,account_number,account_id,description,amount,currency,original_amount,original_currency,type,status,category,merchant,counterparty,payment_method,installment',
    );
    // A card purchase (positive at Pluggy) is money out: negative, in R$, the dollar figure beside it.
    expect(card).toContain(
      ',9264,card-1,"NETFLIX ""INTL""",-88.52,BRL,-15.53,USD,DEBIT,POSTED,Digital services,',
    );
    expect(card!.endsWith(',3/12')).toBe(true);
    // The number is not guarded (issue 17 item 5); the formula-looking description and account number are.
    expect(bank).toContain(
      `,Conta; Corrente,'-0042,${ACCOUNT_ID},"'=HYPERLINK(""http://x"")",-1067.85,BRL,,,DEBIT,`,
    );
  });

  it('writes the pt-BR variant for a Portuguese spreadsheet', () => {
    const file = exportTransactions(db, 'csv', {}, NOW, 'pt-BR');
    expect(file.content.startsWith('\uFEFFid;data;conta;numero_conta;')).toBe(true);
    expect(file.fileName).toMatch(/pt-BR\.csv$/);
    const [, card, bank] = lines(file.content);
    expect(card).toContain(';04/02/2025;');
    expect(card).toContain(';-88,52;BRL;-15,53;USD;Saída;Efetivada;Serviços digitais;');
    expect(card!.endsWith(';3 de 12')).toBe(true);
    expect(bank).toContain(';"Conta; Corrente";');
    expect(bank).toContain(';-1067,85;BRL;;;Saída;Efetivada;Pagamento de cartão de crédito;');
  });
});
