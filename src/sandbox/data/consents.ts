// Open Finance consents of sandbox items: granted at an item's first success, renewed by Connect's update mode.
import { PRODUCT_TYPES, type Consent } from '../../shared/pluggy';
import { iso } from '../clock';
import { uuidFrom } from './prng';

const DAY_MS = 86_400_000;
/** Open Finance Brasil consents for data sharing last up to 12 months. */
export const CONSENT_DAYS = 365;

/**
 * Demo CPFs (Open Finance connectors take a CPF) whose consent is in a telling state. Any other CPF gets a
 * consent granted now, valid for 12 months.
 */
export const OPEN_FINANCE_DEMO_CPFS = {
  /** Granted 340 days ago: expires in 25 days. */
  '00000000030': { ageDays: 340 },
  /** Granted 360 days ago: expires in 5 days. */
  '00000000007': { ageDays: 360 },
  /** Granted 40 days ago, revoked at the bank yesterday. */
  '00000000404': { ageDays: 40, revokedDaysAgo: 1 },
} as const satisfies Record<string, { ageDays: number; revokedDaysAgo?: number }>;

/** Each product's Open Finance permission group (what the person was asked to share for it). */
const PERMISSIONS: Record<string, string[]> = {
  ACCOUNTS: ['ACCOUNTS_ALL'],
  TRANSACTIONS: ['ACCOUNTS_TRANSACTIONS'],
  CREDIT_CARDS: ['CREDIT_CARDS_ALL'],
  IDENTITY: ['REGISTRATION_ALL'],
  INVESTMENTS: ['INVESTMENTS_ALL'],
  INVESTMENTS_TRANSACTIONS: ['INVESTMENTS_ALL'],
  LOANS: ['CREDIT_OPERATIONS_ALL'],
};

/** Products a consent can name (the spec's enum has no ACCOUNT_STATEMENTS). */
const CONSENT_PRODUCTS = new Set<string>(PRODUCT_TYPES.filter((p) => p !== 'ACCOUNT_STATEMENTS'));

export interface ConsentInput {
  seed: string;
  itemId: string;
  /** How many consents the item had before this one (ids differ per grant). */
  ordinal: number;
  products: readonly string[];
  /** The CPF the item logged in with; picks a demo state on the first grant only. */
  cpf: string | undefined;
  nowMs: number;
}

/** The consent a grant gives (a renewal is a new consent, always fresh). */
export function grantConsent(input: ConsentInput): Consent {
  const demo =
    input.ordinal === 0 && input.cpf !== undefined && input.cpf in OPEN_FINANCE_DEMO_CPFS
      ? OPEN_FINANCE_DEMO_CPFS[input.cpf as keyof typeof OPEN_FINANCE_DEMO_CPFS]
      : { ageDays: 0 };
  const createdMs = input.nowMs - demo.ageDays * DAY_MS;
  const products = input.products.filter((p) => CONSENT_PRODUCTS.has(p));
  const permissions = [...new Set(products.flatMap((p) => PERMISSIONS[p] ?? []))];
  const revokedDaysAgo = 'revokedDaysAgo' in demo ? demo.revokedDaysAgo : undefined;
  return {
    id: uuidFrom(input.seed, 'consent', input.itemId, input.ordinal),
    itemId: input.itemId,
    products,
    openFinancePermissionsGranted: permissions,
    createdAt: iso(createdMs),
    expiresAt: iso(createdMs + CONSENT_DAYS * DAY_MS),
    ...(revokedDaysAgo !== undefined ? { revokedAt: iso(input.nowMs - revokedDaysAgo * DAY_MS) } : {}),
  };
}

/** The consent in force: the newest one not revoked, if any. */
export function currentConsent(consents: readonly Consent[]): Consent | undefined {
  return [...consents].reverse().find((c) => !c.revokedAt);
}
