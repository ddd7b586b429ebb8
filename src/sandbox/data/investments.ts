// An item's investment positions and their movements, generated from the seed: renda fixa, fundos, ações, Tesouro, previdência.
import type { Investment, InvestmentTransaction } from '../../shared/pluggy';
import { iso } from '../clock';
import { intBetween, money, rngFor, uuidFrom, type Rng } from './prng';

const DAY = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface Template {
  key: string;
  type: string;
  subtype: string;
  name: string;
  /** Amount first invested, currency units: [min, max]. */
  invested: [number, number];
  /** Yield over the holding, as a fraction of the invested amount: [min, max]. */
  gain: [number, number];
  /** Months ago the position was bought: [min, max]. */
  heldMonths: [number, number];
  /** Months from the first sync to maturity (fixed income). */
  maturesInMonths?: number;
  extra: (rng: Rng, anchorMs: number) => Partial<Investment>;
  /** Income tax withheld on redemption, as a fraction of the profit (0 when exempt). */
  incomeTax: number;
  /** Whether Pluggy reports a profit figure for this kind (funds and previdência often do not). */
  reportsProfit: boolean;
  movements: 'fixed' | 'fund' | 'stock' | 'pension';
  status?: 'TOTAL_WITHDRAWAL';
}

const BANK = { issuer: 'Banco Pluggy S.A.', issuerCNPJ: '08.050.608/0001-32' };

const TEMPLATES: readonly Template[] = [
  {
    key: 'cdb',
    type: 'FIXED_INCOME',
    subtype: 'CDB',
    name: 'CDB Pluggy 110% CDI',
    invested: [5_000, 20_000],
    gain: [0.08, 0.16],
    heldMonths: [8, 14],
    maturesInMonths: 22,
    incomeTax: 0.175,
    reportsProfit: true,
    movements: 'fixed',
    extra: () => ({ ...BANK, rate: 110, rateType: 'CDI', ratePeriodicity: 'YEARLY', taxExempt: false }),
  },
  {
    key: 'lci',
    type: 'FIXED_INCOME',
    subtype: 'LCI',
    name: 'LCI Pluggy 95% CDI',
    invested: [3_000, 12_000],
    gain: [0.05, 0.1],
    heldMonths: [5, 10],
    maturesInMonths: 9,
    incomeTax: 0,
    reportsProfit: true,
    movements: 'fixed',
    extra: () => ({ ...BANK, rate: 95, rateType: 'CDI', ratePeriodicity: 'YEARLY', taxExempt: true }),
  },
  {
    key: 'tesouro-ipca',
    type: 'FIXED_INCOME',
    subtype: 'TREASURY',
    name: 'Tesouro IPCA+ 2035',
    invested: [2_000, 9_000],
    gain: [0.06, 0.14],
    heldMonths: [10, 20],
    incomeTax: 0.15,
    reportsProfit: true,
    movements: 'fixed',
    extra: (rng) => ({
      issuer: 'Tesouro Nacional',
      issuerCNPJ: '00.394.460/0001-41',
      rateType: 'IPCA',
      fixedAnnualRate: round2(5.5 + rng()),
      dueDate: '2035-05-15T00:00:00.000Z',
      isin: 'BRSTNCNTB4U6',
      couponPayment: { hasCoupon: false },
    }),
  },
  {
    key: 'tesouro-selic',
    type: 'FIXED_INCOME',
    subtype: 'TREASURY',
    name: 'Tesouro Selic 2029',
    invested: [1_000, 6_000],
    gain: [0.04, 0.09],
    heldMonths: [4, 9],
    incomeTax: 0.2,
    reportsProfit: true,
    movements: 'fixed',
    extra: () => ({
      issuer: 'Tesouro Nacional',
      issuerCNPJ: '00.394.460/0001-41',
      rateType: 'SELIC',
      dueDate: '2029-03-01T00:00:00.000Z',
      isin: 'BRSTNCLF1RU6',
    }),
  },
  {
    key: 'multimercado',
    type: 'MUTUAL_FUND',
    subtype: 'MULTIMARKET_FUND',
    name: 'Pluggy Multimercado FIC FIM',
    invested: [2_000, 10_000],
    gain: [-0.03, 0.12],
    heldMonths: [6, 18],
    incomeTax: 0,
    reportsProfit: false,
    movements: 'fund',
    extra: (rng) => ({
      code: '12.345.678/0001-00',
      lastMonthRate: round2(rng() * 2 - 0.5),
      lastTwelveMonthsRate: round2(4 + rng() * 8),
      annualRate: round2(4 + rng() * 8),
      metadata: { anbimaClass: 'Multimercado', anbimaCategory: 'MULTIMARKET' },
    }),
  },
  {
    key: 'renda-fixa-di',
    type: 'MUTUAL_FUND',
    subtype: 'FIXED_INCOME_FUND',
    name: 'Pluggy Renda Fixa DI FIRF',
    invested: [1_500, 8_000],
    gain: [0.05, 0.11],
    heldMonths: [6, 16],
    incomeTax: 0.15,
    reportsProfit: true,
    movements: 'fund',
    extra: (rng) => ({
      code: '23.456.789/0001-11',
      lastMonthRate: round2(0.8 + rng() * 0.2),
      lastTwelveMonthsRate: round2(10 + rng() * 2),
      annualRate: round2(10 + rng() * 2),
    }),
  },
  {
    key: 'petr4',
    type: 'EQUITY',
    subtype: 'STOCK',
    name: 'PETROBRAS PN (PETR4)',
    invested: [1_500, 6_000],
    gain: [-0.15, 0.25],
    heldMonths: [3, 24],
    incomeTax: 0,
    reportsProfit: true,
    movements: 'stock',
    extra: () => ({ code: 'PETR4', isin: 'BRPETRACNPR6', priceFactor: 1 }),
  },
  {
    key: 'hglg11',
    type: 'EQUITY',
    subtype: 'REAL_ESTATE_FUND',
    name: 'CGHG Logística FII (HGLG11)',
    invested: [1_000, 5_000],
    gain: [-0.05, 0.1],
    heldMonths: [3, 24],
    incomeTax: 0,
    reportsProfit: true,
    movements: 'stock',
    extra: () => ({ code: 'HGLG11', isin: 'BRHGLGCTF004', priceFactor: 1 }),
  },
  {
    key: 'vgbl',
    type: 'SECURITY',
    subtype: 'RETIREMENT',
    name: 'Pluggy Previdência VGBL',
    invested: [6_000, 30_000],
    gain: [0.04, 0.12],
    heldMonths: [12, 12],
    incomeTax: 0,
    reportsProfit: false,
    movements: 'pension',
    extra: () => ({
      number: '123456-2',
      metadata: {
        taxRegime: 'REGRESSIVO',
        fundName: 'Pluggy Previdência RF FIC FIM',
        insurer: { name: 'Pluggy Seguros S.A.', cnpj: '33.333.333/0001-33' },
      },
    }),
  },
  {
    key: 'cdb-resgatado',
    type: 'FIXED_INCOME',
    subtype: 'CDB',
    name: 'CDB Pluggy 102% CDI (resgatado)',
    invested: [1_000, 4_000],
    gain: [0.05, 0.08],
    heldMonths: [14, 20],
    maturesInMonths: -2,
    incomeTax: 0.175,
    reportsProfit: true,
    movements: 'fixed',
    status: 'TOTAL_WITHDRAWAL',
    extra: () => ({ ...BANK, rate: 102, rateType: 'CDI', taxExempt: false }),
  },
];

export interface GeneratedInvestment {
  investment: Investment;
  transactions: InvestmentTransaction[];
}

/** Positions grow a little with each later sync (`generation`), as yields accrue. */
const GROWTH_PER_GENERATION = 0.004;

export function generateInvestments(
  seed: string,
  itemId: string,
  anchorMs: number,
  generation: number,
): GeneratedInvestment[] {
  return TEMPLATES.map((t, index) => generate(seed, itemId, anchorMs, generation, t, index));
}

function generate(
  seed: string,
  itemId: string,
  anchorMs: number,
  generation: number,
  t: Template,
  index: number,
): GeneratedInvestment {
  const rng = rngFor(seed, itemId, 'investment', t.key);
  const id = uuidFrom(seed, itemId, 'investment-id', t.key);
  const invested = money(rng, t.invested[0], t.invested[1]);
  const gain = t.gain[0] + rng() * (t.gain[1] - t.gain[0]);
  const heldMonths = intBetween(rng, t.heldMonths[0], t.heldMonths[1]);
  const purchaseMs = startOfDay(anchorMs - heldMonths * 30 * DAY);
  const withdrawn = t.status === 'TOTAL_WITHDRAWAL';
  const gross = withdrawn ? 0 : round2(invested * (1 + gain) * (1 + GROWTH_PER_GENERATION * generation));
  const profit = withdrawn ? 0 : round2(gross - invested);
  const tax = withdrawn ? 0 : round2(Math.max(0, profit) * t.incomeTax);
  const balance = round2(gross - tax);
  const quantity =
    t.movements === 'stock'
      ? intBetween(rng, 20, 300)
      : t.movements === 'fund'
        ? money(rng, 500, 4_000)
        : null;
  const extra = t.extra(rng, anchorMs);
  const investment: Investment = {
    id,
    itemId,
    type: t.type,
    subtype: t.subtype,
    name: t.name,
    number: `${String(index + 1).padStart(4, '0')}-${digitsFrom(rng, 6)}`,
    balance,
    currencyCode: 'BRL',
    amount: gross,
    amountOriginal: invested,
    ...(t.reportsProfit ? { amountProfit: profit } : {}),
    amountWithdrawal: balance,
    taxes: tax,
    taxes2: 0,
    date: iso(startOfDay(anchorMs)),
    owner: 'John Doe',
    purchaseDate: iso(purchaseMs),
    status: t.status ?? 'ACTIVE',
    ...(quantity !== null && !withdrawn ? { quantity, value: round2(gross / quantity) } : {}),
    ...(t.maturesInMonths !== undefined
      ? {
          issueDate: iso(purchaseMs),
          dueDate: iso(startOfDay(anchorMs + t.maturesInMonths * 30 * DAY)),
        }
      : {}),
    ...extra,
  };
  return { investment, transactions: movements(seed, itemId, t, investment, purchaseMs, anchorMs, rng) };
}

function movements(
  seed: string,
  itemId: string,
  t: Template,
  inv: Investment,
  purchaseMs: number,
  anchorMs: number,
  rng: Rng,
): InvestmentTransaction[] {
  const out: InvestmentTransaction[] = [];
  const add = (tx: Omit<InvestmentTransaction, 'id'>) =>
    out.push({ id: uuidFrom(seed, itemId, 'investment-tx', inv.id, out.length), ...tx });
  const invested = inv.amountOriginal ?? 0;
  const day = (ms: number) => iso(startOfDay(ms));
  if (t.movements === 'pension') {
    // Twelve monthly contributions make up what was invested.
    const each = round2(invested / 12);
    for (let m = 0; m < 12; m++) {
      const amount = m === 11 ? round2(invested - each * 11) : each;
      const at = day(purchaseMs + m * 30 * DAY);
      add({
        type: 'BUY',
        movementType: 'CREDIT',
        amount,
        date: at,
        tradeDate: at,
        description: 'Contribuição mensal',
      });
    }
  } else if (t.movements === 'stock') {
    const quantity = inv.quantity ?? intBetween(rng, 20, 300);
    const price = round2(invested / quantity);
    const at = day(purchaseMs);
    add({
      type: 'BUY',
      movementType: 'CREDIT',
      quantity,
      value: price,
      amount: invested,
      date: at,
      tradeDate: at,
      brokerageNumber: String(intBetween(rng, 100_000, 999_999)),
      expenses: {
        brokerageFee: 0,
        stockExchangeFee: round2(invested * 0.0003),
        settlementFee: round2(invested * 0.00025),
      },
    });
    if (t.subtype === 'REAL_ESTATE_FUND') {
      for (let m = 1; m <= 3; m++) {
        const paid = day(anchorMs - m * 30 * DAY);
        add({
          type: 'INTEREST',
          movementType: 'DEBIT',
          amount: round2(quantity * 1.1),
          date: paid,
          tradeDate: paid,
          description: 'Rendimento FII',
        });
      }
    }
  } else {
    const at = day(purchaseMs);
    const quota = t.movements === 'fund' && inv.quantity ? round2(invested / inv.quantity) : null;
    add({
      type: 'BUY',
      movementType: 'CREDIT',
      amount: invested,
      date: at,
      tradeDate: at,
      description: t.movements === 'fund' ? 'Aplicação' : 'Aplicação em renda fixa',
      ...(quota !== null ? { quantity: inv.quantity ?? null, value: quota } : {}),
      ...(t.subtype === 'TREASURY' ? { agreedRate: inv.fixedAnnualRate ?? 10.75 } : {}),
      ...(t.subtype === 'CDB' ? { indexerPercentage: inv.rate ?? 100 } : {}),
    });
    if (inv.status === 'TOTAL_WITHDRAWAL') {
      const redeemed = day(anchorMs - 60 * DAY);
      const gross = round2(invested * 1.06);
      const tax = round2((gross - invested) * t.incomeTax);
      add({
        type: 'TAX',
        movementType: 'DEBIT',
        amount: tax,
        date: redeemed,
        tradeDate: redeemed,
        description: 'IR sobre resgate',
      });
      add({
        type: 'SELL',
        movementType: 'DEBIT',
        amount: gross,
        netAmount: round2(gross - tax),
        date: redeemed,
        tradeDate: redeemed,
        description: 'Resgate no vencimento',
        expenses: { incomeTax: tax },
      });
    } else if (t.movements === 'fund') {
      // Come-cotas: funds withhold income tax every May and November.
      const tax = round2(Math.max(0, (inv.amountProfit ?? invested * 0.04) * 0.15 * 0.5));
      const at2 = day(anchorMs - intBetween(rng, 20, 150) * DAY);
      if (tax > 0)
        add({
          type: 'TAX',
          movementType: 'DEBIT',
          amount: tax,
          date: at2,
          tradeDate: at2,
          description: 'Come-cotas',
        });
    }
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function digitsFrom(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(Math.floor(rng() * 10));
  return out;
}
