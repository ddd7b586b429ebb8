// What a generated transaction says: a realistic Brazilian bank, savings or card movement from a seeded rng.
import type { Transaction } from '../../shared/pluggy';
import { iso } from '../clock';
import type { AccountRecord } from './account-record';
import {
  BANKS_ISPB,
  EMPLOYER,
  MERCHANTS,
  UTILITIES,
  boletoLines,
  cpf,
  digits,
  merchantField,
  personName,
} from './brazil';
import { intBetween, money, pick, type Rng } from './prng';

export interface Draft {
  description: string;
  amount: number;
  type: 'DEBIT' | 'CREDIT';
  category: string;
  categoryId: string;
  operationType?: string | null;
  paymentData?: Transaction['paymentData'];
  creditCardMetadata?: Transaction['creditCardMetadata'];
  merchant?: Transaction['merchant'];
  currencyCode?: string;
  amountInAccountCurrency?: number | null;
}

function party(rng: Rng, name: string, doc: string, docType: 'CPF' | 'CNPJ') {
  const bank = pick(rng, BANKS_ISPB);
  return {
    documentNumber: { type: docType, value: doc },
    name,
    accountNumber: digits(rng, 6),
    branchNumber: digits(rng, 4),
    routingNumber: bank.code,
    routingNumberISPB: bank.ispb,
  };
}

const OWNER = { name: 'John Doe', cpf: '76109277673' };

export function bankDraft(rng: Rng, dayOfMonth: number): Draft {
  const roll = rng();
  if (roll < 0.05 || (dayOfMonth === 5 && roll < 0.5)) {
    const amount = money(rng, 4_800, 12_500);
    return {
      description: `Salário ${EMPLOYER.name}`,
      amount,
      type: 'CREDIT',
      category: 'Salary',
      categoryId: '01010000',
      operationType: 'TED',
      paymentData: {
        payer: party(rng, EMPLOYER.name, EMPLOYER.cnpj, 'CNPJ'),
        receiver: party(rng, OWNER.name, OWNER.cpf, 'CPF'),
        paymentMethod: 'TED',
        reason: 'Salário',
        boletoMetadata: null,
      },
    };
  }
  if (roll < 0.45) {
    const name = personName(rng);
    const amount = money(rng, 5, 900);
    return {
      description: `Pix enviado ${name}`,
      amount: -amount,
      type: 'DEBIT',
      category: 'Transfer - PIX',
      categoryId: '05070000',
      operationType: 'PIX',
      paymentData: {
        payer: party(rng, OWNER.name, OWNER.cpf, 'CPF'),
        receiver: party(rng, name, cpf(rng), 'CPF'),
        paymentMethod: 'PIX',
        referenceNumber: `E${digits(rng, 31)}`,
        boletoMetadata: null,
      },
    };
  }
  if (roll < 0.6) {
    const name = personName(rng);
    const amount = money(rng, 10, 1_500);
    return {
      description: `Pix recebido ${name}`,
      amount,
      type: 'CREDIT',
      category: 'Transfer - PIX',
      categoryId: '05070000',
      operationType: 'PIX',
      paymentData: {
        payer: party(rng, name, cpf(rng), 'CPF'),
        receiver: party(rng, OWNER.name, OWNER.cpf, 'CPF'),
        paymentMethod: 'PIX',
        referenceNumber: `E${digits(rng, 31)}`,
        boletoMetadata: null,
      },
    };
  }
  if (roll < 0.72) {
    const u = pick(rng, UTILITIES);
    const amount = money(rng, u.min, u.max);
    return {
      description: `Pagamento de boleto ${u.name}`,
      amount: -amount,
      type: 'DEBIT',
      category: u.category,
      categoryId: u.categoryId,
      operationType: 'BOLETO',
      paymentData: {
        receiver: party(rng, u.name, u.cnpj, 'CNPJ'),
        paymentMethod: 'BOLETO',
        boletoMetadata: {
          ...boletoLines(rng, amount),
          baseAmount: amount,
          penaltyAmount: 0,
          interestAmount: 0,
          discountAmount: 0,
        },
      },
    };
  }
  if (roll < 0.92) {
    const mer = pick(rng, MERCHANTS);
    const amount = money(rng, mer.min, mer.max);
    return {
      description: `Compra no débito ${mer.name.toUpperCase()}`,
      amount: -amount,
      type: 'DEBIT',
      category: mer.category,
      categoryId: mer.categoryId,
      operationType: 'CARTAO',
      merchant: merchantField(mer),
    };
  }
  if (roll < 0.96) {
    const amount = money(rng, 300, 4_000);
    return {
      description: 'Pagamento fatura cartão',
      amount: -amount,
      type: 'DEBIT',
      category: 'Credit card payment',
      categoryId: '05100000',
      operationType: 'PAGAMENTO_FATURA',
    };
  }
  const amount = money(rng, 1, 40);
  return {
    description: 'Tarifa pacote de serviços',
    amount: -amount,
    type: 'DEBIT',
    category: 'Services',
    categoryId: '07000000',
    operationType: 'TARIFA',
  };
}

export function savingsDraft(rng: Rng): Draft {
  const roll = rng();
  if (roll < 0.5) {
    return {
      description: 'Rendimento poupança',
      amount: money(rng, 2, 90),
      type: 'CREDIT',
      category: 'Investments',
      categoryId: '03000000',
      operationType: 'RENDIMENTO',
    };
  }
  if (roll < 0.8) {
    return {
      description: 'Aplicação poupança',
      amount: money(rng, 100, 3_000),
      type: 'CREDIT',
      category: 'Investments',
      categoryId: '03000000',
      operationType: 'TRANSFERENCIA_MESMA_INSTITUICAO',
    };
  }
  return {
    description: 'Resgate poupança',
    amount: -money(rng, 100, 2_000),
    type: 'DEBIT',
    category: 'Investments',
    categoryId: '03000000',
    operationType: 'TRANSFERENCIA_MESMA_INSTITUICAO',
  };
}

export function cardDraft(rng: Rng, dateMs: number, account: AccountRecord): Draft {
  const roll = rng();
  const cardNumber = account.number.slice(-4);
  if (roll < 0.03) {
    const amount = money(rng, 400, 4_000);
    return {
      description: 'Pagamento recebido',
      amount: -amount,
      type: 'CREDIT',
      category: 'Credit card payment',
      categoryId: '05100000',
      creditCardMetadata: { cardNumber },
    };
  }
  const mer = pick(rng, MERCHANTS);
  const merchant = merchantField(mer);
  if (roll < 0.05) {
    const amount = money(rng, mer.min, mer.max);
    return {
      description: `Estorno ${mer.name.toUpperCase()}`,
      amount: -amount,
      type: 'CREDIT',
      category: mer.category,
      categoryId: mer.categoryId,
      merchant,
      creditCardMetadata: { cardNumber, payeeMCC: mer.mcc },
    };
  }
  if (roll < 0.2) {
    // A larger purchase paid at once (parcelas come from installment-series.ts, whose parcelas follow each
    // other across bills); the draws stay as they were so the other rows keep their values.
    intBetween(rng, 2, 12);
    const amount = money(rng, 300, 6_000);
    intBetween(rng, 1, 12);
    return {
      description: mer.name.toUpperCase(),
      amount,
      type: 'DEBIT',
      category: mer.category,
      categoryId: mer.categoryId,
      merchant,
      creditCardMetadata: {
        installmentNumber: 1,
        totalInstallments: 1,
        totalAmount: amount,
        purchaseDate: iso(dateMs),
        payeeMCC: mer.mcc,
        cardNumber,
      },
    };
  }
  if (roll < 0.22) {
    const usd = money(rng, 5, 120);
    return {
      description: `${mer.name.toUpperCase()} *INTERNACIONAL`,
      amount: usd,
      currencyCode: 'USD',
      amountInAccountCurrency: Math.round(usd * 5.4 * 100) / 100,
      type: 'DEBIT',
      category: 'Digital services',
      categoryId: '09000000',
      merchant,
      creditCardMetadata: { cardNumber, payeeMCC: 5818 },
    };
  }
  const amount = money(rng, mer.min, mer.max);
  return {
    description: mer.name.toUpperCase(),
    amount,
    type: 'DEBIT',
    category: mer.category,
    categoryId: mer.categoryId,
    merchant,
    creditCardMetadata: {
      installmentNumber: 1,
      totalInstallments: 1,
      totalAmount: amount,
      purchaseDate: iso(dateMs),
      payeeMCC: mer.mcc,
      cardNumber,
    },
  };
}

/** Builds one transaction from a draft; `id`, date and ingestion time come from the caller. */
