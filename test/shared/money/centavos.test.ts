import { describe, expect, it } from 'vitest';
import {
  centavosText,
  fromCentavos,
  isWholeCentavos,
  signedBalance,
  signedCentavos,
  toCentavos,
} from '../../../src/shared/money';

describe('centavos', () => {
  it('converts Pluggy decimals exactly, including the ones floats cannot hold', () => {
    expect(toCentavos(1067.85)).toBe(106_785);
    expect(toCentavos(-1067.85)).toBe(-106_785);
    expect(toCentavos(0.1 + 0.2)).toBe(30);
    expect(toCentavos(1.005)).toBe(100); // the double 1.005 is 1.00499999…: what was sent, rounded
    expect(toCentavos(-0.001)).toBe(0);
    expect(Object.is(toCentavos(-0.001), -0)).toBe(false);
    for (let cents = -200_000; cents <= 200_000; cents += 7) expect(toCentavos(cents / 100)).toBe(cents);
    expect(() => toCentavos(Number.NaN)).toThrow(RangeError);
  });

  it('rebuilds the exact decimal, and says when a figure is finer than a centavo', () => {
    expect(fromCentavos(106_785)).toBe(1067.85);
    expect(isWholeCentavos(88.52)).toBe(true);
    expect(isWholeCentavos(10.005)).toBe(false);
    expect(isWholeCentavos(1e14)).toBe(false);
  });

  it('writes the decimal text from integer digits', () => {
    expect(centavosText(-106_785)).toBe('-1067.85');
    expect(centavosText(5)).toBe('0.05');
    expect(centavosText(-5, ',')).toBe('-0,05');
    expect(centavosText(0)).toBe('0.00');
    expect(centavosText(900_719_925_474_099)).toBe('9007199254740.99');
  });

  it('signs money out negative on every account type', () => {
    // Pluggy: a card purchase is positive on a CREDIT account, a bank debit negative; both are money out.
    expect(signedCentavos('DEBIT', 8852)).toBe(-8852);
    expect(signedCentavos('DEBIT', -8852)).toBe(-8852);
    expect(signedCentavos('CREDIT', -40_000)).toBe(40_000);
    expect(Object.is(signedCentavos('DEBIT', 0), -0)).toBe(false);
    expect(signedBalance('CREDIT', 106_785)).toBe(-106_785);
    expect(signedBalance('BANK', 106_785)).toBe(106_785);
  });
});
