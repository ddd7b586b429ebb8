// Money as integer centavos (minor units): conversion from Pluggy's decimal numbers, sign convention, exact text.
import { z } from 'zod';

/** An amount in centavos (R$ 1,50 is 150): an integer, so sums are exact. */
export const Centavos = z.number().int().safe();
export type Centavos = z.infer<typeof Centavos>;

/**
 * Pluggy's decimal amount (1067.85) as centavos (106785). `x * 100` lands within an ulp of the integer for
 * any amount with two decimals, so rounding recovers it exactly; a sub-centavo amount rounds half away from
 * zero (as SQLite's round() does), never towards the bank.
 */
export function toCentavos(amount: number): Centavos {
  if (!Number.isFinite(amount)) throw new RangeError(`Not an amount: ${amount}`);
  const cents = Math.sign(amount) * Math.round(Math.abs(amount) * 100);
  // -0 would print as "-0.00" and compare unequal as text.
  return cents === 0 ? 0 : cents;
}

/** Beyond this (in reais), centavos stop being exact integers in a double (2^53 / 100 is ~9e13). */
export const MAX_AMOUNT = 1e13;

/** True when `amount` is in range and exactly its centavos: the decimal Pluggy sent can be rebuilt from them. */
export function isWholeCentavos(amount: number): boolean {
  return Number.isFinite(amount) && Math.abs(amount) < MAX_AMOUNT && toCentavos(amount) / 100 === amount;
}

/** Back to Pluggy's decimal number (division is correctly rounded, so 106785 gives exactly 1067.85). */
export function fromCentavos(cents: Centavos): number {
  return cents / 100;
}

/**
 * The exact decimal text of an amount, "-1067.85", built from integer digits (no float on the way);
 * `decimalSeparator` is "," for pt-BR files.
 */
export function centavosText(cents: Centavos, decimalSeparator: '.' | ',' = '.'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}${decimalSeparator}${String(rest).padStart(2, '0')}`;
}

/**
 * Cofre's one sign convention: money leaving the person is negative, on every account type. Pluggy's own
 * sign differs by account type (card purchases are positive on CREDIT accounts), so direction comes from
 * `type`: DEBIT is money out, CREDIT money in.
 */
export function signedCentavos(type: string, cents: Centavos): Centavos {
  const abs = Math.abs(cents);
  return type === 'DEBIT' ? (abs === 0 ? 0 : -abs) : abs;
}

/**
 * An account's balance in Cofre's convention: a card's balance (Pluggy: what is owed, positive) is money the
 * person owes, so it is negative; a bank account's is as Pluggy gives it.
 */
export function signedBalance(accountType: string, cents: Centavos): Centavos {
  return accountType === 'CREDIT' && cents !== 0 ? -cents : cents;
}
