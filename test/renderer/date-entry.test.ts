// Typed dates: the mask while typing, the contract's YYYY-MM-DD out, impossible days refused.
import { describe, expect, it } from 'vitest';
import {
  caretAfterDigits,
  formatDay,
  maskDate,
  parseDate,
  parsePattern,
} from '../../src/renderer/date-entry';
import { en } from '../../src/renderer/i18n/en';
import { ptBR } from '../../src/renderer/i18n/pt-BR';

const br = parsePattern(ptBR.dateEntry.pattern);
const us = parsePattern(en.dateEntry.pattern);

describe('the pt-BR pattern (dd/mm/aaaa)', () => {
  it('inserts the slashes while digits are typed, one keystroke at a time', () => {
    const typed = '15032024';
    const shown: string[] = [];
    let text = '';
    for (const digit of typed) {
      text = maskDate(text + digit, br);
      shown.push(text);
    }
    expect(shown).toEqual(['1', '15', '15/0', '15/03', '15/03/2', '15/03/20', '15/03/202', '15/03/2024']);
    expect(parseDate(text, br)).toBe('2024-03-15');
  });

  it('pads a short day or month closed by a typed slash, and lets backspace remove a slash', () => {
    expect(maskDate('1/', br)).toBe('01/');
    expect(maskDate('01/3/', br)).toBe('01/03/');
    expect(maskDate('15/', br)).toBe('15/');
    expect(maskDate('15', br)).toBe('15');
    expect(maskDate('15//', br)).toBe('15/');
  });

  it('drops letters and extra digits, and converts a pasted YYYY-MM-DD', () => {
    expect(maskDate('1a5b/03', br)).toBe('15/03');
    expect(maskDate('150320241', br)).toBe('15/03/2024');
    expect(maskDate('2024-03-15', br)).toBe('15/03/2024');
  });

  it('refuses incomplete and impossible days, accepts leap days', () => {
    expect(parseDate('', br)).toBe('');
    expect(parseDate('15/03', br)).toBeNull();
    expect(parseDate('15/03/24', br)).toBeNull();
    expect(parseDate('31/02/2024', br)).toBeNull();
    expect(parseDate('29/02/2023', br)).toBeNull();
    expect(parseDate('29/02/2024', br)).toBe('2024-02-29');
    expect(parseDate('00/01/2024', br)).toBeNull();
    expect(parseDate('01/13/2024', br)).toBeNull();
  });

  it('shows a contract day back in the pattern', () => {
    expect(formatDay('2024-03-05', br)).toBe('05/03/2024');
    expect(formatDay('', br)).toBe('');
  });
});

describe('the English pattern (mm/dd/yyyy)', () => {
  it('reads month first', () => {
    expect(parseDate('03/15/2024', us)).toBe('2024-03-15');
    expect(parseDate('15/03/2024', us)).toBeNull();
    expect(formatDay('2024-03-15', us)).toBe('03/15/2024');
  });
});

describe('the caret', () => {
  it('stays after the same digits once slashes are inserted', () => {
    expect(caretAfterDigits('15/0', 3)).toBe(4);
    expect(caretAfterDigits('15/03/2024', 2)).toBe(2);
    expect(caretAfterDigits('15/03/2024', 0)).toBe(0);
  });
});

describe('patterns', () => {
  it('refuse a pattern without day, month and year', () => {
    expect(() => parsePattern('dd/mm')).toThrow();
  });
});
