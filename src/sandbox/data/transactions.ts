// Lazy, deterministic transactions: transaction i of an account is computed from (seed, account, i) alone.
import type { Transaction } from '../../shared/pluggy';
import { iso } from '../clock';
import type { AccountRecord } from './account-record';
import { BANKS_ISPB, EMPLOYER, MERCHANTS, UTILITIES, boletoLines, cpf, digits, personName } from './brazil';
import { intBetween, money, pick, rngFor, type Rng } from './prng';

const DAY = 86_400_000;
const YEAR_DAYS = 365;
/** Card purchases in the last days before the anchor sit on the open bill: PENDING. */
export const PENDING_DAYS = 8;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

/** Generated ids embed the account prefix and the index, so an id leads back to its transaction. */
export function generatedId(account: AccountRecord, index: number): string {
  const r = rngFor(account.seedKey, 'id', index);
  const w = () => Math.floor(r() * 0x10000);
  return `${account.idPrefix}-${hex(w(), 4)}-4${hex(w(), 3)}-${(8 + (w() % 4)).toString(16)}${hex(w(), 3)}-${hex(index, 12)}`;
}

/** The index of a generated id of this account, or undefined when it is not one. */
export function indexOfGeneratedId(account: AccountRecord, id: string): number | undefined {
  if (!id.startsWith(`${account.idPrefix}-`) || id.length !== 36) return undefined;
  const index = Number.parseInt(id.slice(24), 16);
  if (!Number.isInteger(index) || index < 0 || index >= account.baseCount) return undefined;
  return generatedId(account, index) === id ? index : undefined;
}

function startDayMs(account: AccountRecord): number {
  return Math.floor(account.anchorMs / DAY) * DAY - YEAR_DAYS * DAY;
}

/** Day of generated transaction i: non-decreasing in i, so index order is date order. */
export function generatedDateMs(account: AccountRecord, index: number): number {
  const n = Math.max(account.baseCount, 1);
  const r = rngFor(account.seedKey, 'day', index)();
  const day = Math.min(YEAR_DAYS, Math.floor(((index + r) * (YEAR_DAYS + 1)) / n));
  const hourOffset = account.kind === 'card' ? 3 * 3_600_000 : 0;
  return startDayMs(account) + day * DAY + hourOffset;
}

/** First generated index whose date is at or after `ms` (binary search; dates are monotonic). */
export function firstIndexAtOrAfter(account: AccountRecord, ms: number): number {
  let lo = 0;
  let hi = account.baseCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (generatedDateMs(account, mid) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Draft {
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

function bankDraft(rng: Rng, dayOfMonth: number): Draft {
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
      merchant: {
        name: mer.name,
        businessName: mer.businessName,
        cnpj: mer.cnpj,
        cnae: mer.cnae,
        category: mer.category,
      },
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

function savingsDraft(rng: Rng): Draft {
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

function cardDraft(rng: Rng, dateMs: number, account: AccountRecord): Draft {
  const roll = rng();
  const billMonth = new Date(dateMs + 20 * DAY).toISOString().slice(0, 7);
  const cardNumber = account.number.slice(-4);
  if (roll < 0.03) {
    const amount = money(rng, 400, 4_000);
    return {
      description: 'Pagamento recebido',
      amount: -amount,
      type: 'CREDIT',
      category: 'Credit card payment',
      categoryId: '05100000',
      creditCardMetadata: { cardNumber, billForecastDate: billMonth },
    };
  }
  const mer = pick(rng, MERCHANTS);
  const merchant = {
    name: mer.name,
    businessName: mer.businessName,
    cnpj: mer.cnpj,
    cnae: mer.cnae,
    category: mer.category,
  };
  if (roll < 0.05) {
    const amount = money(rng, mer.min, mer.max);
    return {
      description: `Estorno ${mer.name.toUpperCase()}`,
      amount: -amount,
      type: 'CREDIT',
      category: mer.category,
      categoryId: mer.categoryId,
      merchant,
      creditCardMetadata: { cardNumber, payeeMCC: mer.mcc, billForecastDate: billMonth },
    };
  }
  if (roll < 0.2) {
    const total = intBetween(rng, 2, 12);
    const totalAmount = money(rng, 300, 6_000);
    const n = intBetween(rng, 1, total);
    const purchase = iso(dateMs - (n - 1) * 30 * DAY);
    return {
      description: `${mer.name.toUpperCase()} PARC ${n}/${total}`,
      amount: Math.round((totalAmount / total) * 100) / 100,
      type: 'DEBIT',
      category: mer.category,
      categoryId: mer.categoryId,
      merchant,
      creditCardMetadata: {
        installmentNumber: n,
        totalInstallments: total,
        totalAmount,
        purchaseDate: purchase,
        payeeMCC: mer.mcc,
        cardNumber,
        billForecastDate: billMonth,
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
      creditCardMetadata: { cardNumber, payeeMCC: 5818, billForecastDate: billMonth },
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
      billForecastDate: billMonth,
    },
  };
}

/** Builds one transaction from a draft; `id`, date and ingestion time come from the caller. */
export function buildTransaction(
  account: AccountRecord,
  id: string,
  dateMs: number,
  createdAtMs: number,
  rng: Rng,
): Transaction {
  const day = new Date(dateMs).getUTCDate();
  const d =
    account.kind === 'card'
      ? cardDraft(rng, dateMs, account)
      : account.kind === 'savings'
        ? savingsDraft(rng)
        : bankDraft(rng, day);
  const pending = account.kind === 'card' && dateMs >= account.anchorMs - PENDING_DAYS * DAY;
  return {
    id,
    accountId: account.id,
    date: iso(dateMs),
    description: d.description,
    descriptionRaw: d.description.toUpperCase(),
    type: d.type,
    amount: d.amount,
    amountInAccountCurrency: d.amountInAccountCurrency ?? null,
    balance: null,
    currencyCode: d.currencyCode ?? 'BRL',
    category: d.category,
    categoryId: d.categoryId,
    status: pending ? 'PENDING' : 'POSTED',
    providerCode: null,
    providerId: null,
    operationType: d.operationType ?? null,
    operationTypeAdditionalInfo: null,
    paymentData: d.paymentData ?? null,
    creditCardMetadata: d.creditCardMetadata ?? null,
    merchant: d.merchant ?? null,
    createdAt: iso(createdAtMs),
    updatedAt: iso(createdAtMs),
  };
}

/** Generated transaction i, before removals and overrides. */
export function generatedTransaction(account: AccountRecord, index: number): Transaction {
  const dateMs = generatedDateMs(account, index);
  return buildTransaction(
    account,
    generatedId(account, index),
    dateMs,
    account.anchorMs,
    rngFor(account.seedKey, 'tx', index),
  );
}
