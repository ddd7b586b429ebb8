// An item's loan contracts, generated from the seed: a personal loan and a car financing, paid monthly (Price).
import type { Loan } from '../../shared/pluggy';
import { iso } from '../clock';
import { digits } from './brazil';
import { intBetween, money, rngFor, uuidFrom } from './prng';

const DAY = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface LoanPlan {
  key: string;
  kind: 'LOAN' | 'FINANCING';
  type: string;
  productName: string;
  principal: [number, number];
  installments: number;
  /** Monthly rate, a fraction. */
  monthlyRate: [number, number];
  paidMonths: [number, number];
  warranty?: { type: string; subtype: string };
}

const PLANS: readonly LoanPlan[] = [
  {
    key: 'pessoal',
    kind: 'LOAN',
    type: 'CREDITO_PESSOAL_SEM_CONSIGNACAO',
    productName: 'Crédito Pessoal Pluggy',
    principal: [8_000, 25_000],
    installments: 36,
    monthlyRate: [0.019, 0.029],
    paidMonths: [6, 14],
  },
  {
    key: 'veiculo',
    kind: 'FINANCING',
    type: 'AQUISICAO_BENS_VEICULOS_AUTOMOTORES',
    productName: 'Financiamento de Veículo',
    principal: [35_000, 70_000],
    installments: 48,
    monthlyRate: [0.012, 0.017],
    paidMonths: [10, 20],
    warranty: { type: 'OPERACOES_GARANTIDAS_PELO_GOVERNO', subtype: 'ALIENACAO_FIDUCIARIA' },
  },
];

/** Price (French) amortization: the fixed monthly installment of `principal` over `n` months at `rate`. */
function priceInstallment(principal: number, rate: number, n: number): number {
  return (principal * rate) / (1 - (1 + rate) ** -n);
}

/** What is still owed after `paid` installments. */
function outstandingAfter(principal: number, rate: number, n: number, paid: number): number {
  const pmt = priceInstallment(principal, rate, n);
  return principal * (1 + rate) ** paid - (pmt * ((1 + rate) ** paid - 1)) / rate;
}

/** `generation` later syncs each add one more month paid, until the contract ends. */
export function generateLoans(seed: string, itemId: string, anchorMs: number, generation: number): Loan[] {
  return PLANS.map((plan) => {
    const rng = rngFor(seed, itemId, 'loan', plan.key);
    const principal = money(rng, plan.principal[0], plan.principal[1]);
    const rate = plan.monthlyRate[0] + rng() * (plan.monthlyRate[1] - plan.monthlyRate[0]);
    const monthlyRate = Math.round(rate * 10_000) / 10_000;
    const paidAtFirst = intBetween(rng, plan.paidMonths[0], plan.paidMonths[1]);
    const paid = Math.min(plan.installments, paidAtFirst + generation);
    const contractMs = Math.floor((anchorMs - (paidAtFirst + 1) * 30 * DAY) / DAY) * DAY;
    const firstDueMs = contractMs + 30 * DAY;
    const pmt = round2(priceInstallment(principal, monthlyRate, plan.installments));
    const outstanding = round2(
      Math.max(0, outstandingAfter(principal, monthlyRate, plan.installments, paid)),
    );
    const yearly = (1 + monthlyRate) ** 12 - 1;
    const releases = [];
    for (let k = Math.max(1, paid - 2); k <= paid; k++) {
      releases.push({
        isOverParcelPayment: false,
        installmentId: `${plan.key.toUpperCase()}-${String(k).padStart(3, '0')}`,
        paidDate: iso(firstDueMs + (k - 1) * 30 * DAY),
        currencyCode: 'BRL',
        paidAmount: pmt,
      });
    }
    return {
      id: uuidFrom(seed, itemId, 'loan-id', plan.key),
      itemId,
      contractNumber: digits(rng, 15),
      ipocCode: digits(rng, 40),
      productName: plan.productName,
      type: plan.type,
      kind: plan.kind,
      date: iso(Math.floor(anchorMs / DAY) * DAY),
      contractDate: iso(contractMs),
      disbursementDates: [iso(contractMs).slice(0, 10)],
      contractAmount: principal,
      currencyCode: 'BRL',
      dueDate: iso(firstDueMs + (plan.installments - 1) * 30 * DAY),
      installmentPeriodicity: 'MONTHLY',
      firstInstallmentDueDate: iso(firstDueMs),
      CET: Math.round((yearly + 0.015) * 10_000) / 10_000,
      amortizationScheduled: 'PRICE',
      interestRates: [
        {
          taxType: 'EFFECTIVE',
          interestRateType: 'COMPOUND',
          taxPeriodicity: 'MONTHLY',
          calculation: '30/360',
          referentialRateIndexerType: 'PRE_FIXADO',
          preFixedRate: monthlyRate,
          postFixedRate: 0,
        },
      ],
      contractedFees: [
        { name: 'Tarifa de cadastro', code: 'CADASTRO', chargeType: 'UNIQUE', charge: 'FIXED', amount: 850 },
      ],
      contractedFinanceCharges: [{ type: 'JUROS_MORA_ATRASO', rate: 0.01 }],
      warranties: plan.warranty
        ? [{ currencyCode: 'BRL', ...plan.warranty, amount: round2(principal * 1.25) }]
        : [],
      installments: {
        typeNumberOfInstallments: 'MONTH',
        totalNumberOfInstallments: plan.installments,
        typeContractRemaining: 'MONTH',
        contractRemainingNumber: plan.installments - paid,
        paidInstallments: paid,
        dueInstallments: plan.installments - paid,
        pastDueInstallments: 0,
      },
      payments: { contractOutstandingBalance: outstanding, releases },
    };
  });
}
