import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getTransaction,
  openDatabase,
  pageTransactions,
  upsertTransactions,
  type Db,
} from '../../../src/core/store';
import { samplePage, sampleTransaction } from './sample-data';
import { ACCOUNT_ID, seedConnection } from './seed';
import { tempDb, type TempDb } from './temp-db';

// The generated columns of migration 10, as a page used to select them.
const GENERATED = `SELECT amount_in_account_currency AS amountInAccountCurrency, balance,
  description_raw AS descriptionRaw, category_id AS categoryId, operation_type AS operationType,
  merchant_cnpj AS merchantCnpj, merchant_category AS merchantCategory, payment_method AS paymentMethod,
  card_number AS cardNumber, card_installment_number AS installmentNumber,
  card_total_installments AS totalInstallments, card_bill_id AS billId, pluggy_updated_at AS pluggyUpdatedAt
  FROM transactions WHERE id = ?`;

describe('stored transaction rows', () => {
  let t: TempDb;
  let db: Db;
  beforeEach(() => {
    t = tempDb();
    db = openDatabase({ file: t.file, key: t.key });
    seedConnection(db);
  });
  afterEach(() => {
    db.close();
    t.cleanup();
  });

  it('reads raw-only fields exactly as the generated columns do', () => {
    const card = sampleTransaction(900, ACCOUNT_ID, {
      amountInAccountCurrency: 12.5,
      balance: 1234.56,
      descriptionRaw: 'COMPRA  CARTAO',
      providerCode: '123',
      creditCardMetadata: {
        cardNumber: '1234',
        installmentNumber: 2,
        totalInstallments: 10,
        billId: 'bill-1',
        payeeMCC: 5411,
      },
      merchant: { name: 'Loja', businessName: 'Loja SA', cnpj: '12.345.678/0001-90', category: 'Varejo' },
    });
    const bare = sampleTransaction(901, ACCOUNT_ID, {
      merchant: null,
      paymentData: null,
      updatedAt: undefined,
    });
    upsertTransactions(db, [...samplePage(0, 20, ACCOUNT_ID), card, bare]);
    const ids = [card.id, bare.id, ...samplePage(0, 20, ACCOUNT_ID).map((x) => x.id)];
    for (const id of ids) {
      const expected = db.prepare(GENERATED).get(id) as Record<string, unknown>;
      const row = getTransaction(db, id)!;
      expect(row, id).toMatchObject(expected);
    }
    const page = pageTransactions(db, { limit: 100 }).rows;
    expect(page.find((r) => r.id === card.id)).toEqual(getTransaction(db, card.id));
    expect(getTransaction(db, card.id)).toMatchObject({
      cardNumber: '1234',
      installmentNumber: 2,
      billId: 'bill-1',
    });
  });
});
