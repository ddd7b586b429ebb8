import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../src/renderer/format';
import { dateTimeFormat, numberFormat } from '../../src/renderer/intl-cache';
import type { Centavos } from '../../src/shared/money';

describe('Intl formatters made once', () => {
  it('hands back the same formatter for the same language and options', () => {
    expect(numberFormat('pt-BR', { style: 'currency', currency: 'BRL' })).toBe(
      numberFormat('pt-BR', { style: 'currency', currency: 'BRL' }),
    );
    expect(dateTimeFormat('pt-BR', { dateStyle: 'short' })).toBe(
      dateTimeFormat('pt-BR', { dateStyle: 'short' }),
    );
  });

  it('keeps languages and options apart', () => {
    expect(numberFormat('pt-BR', { style: 'currency', currency: 'BRL' })).not.toBe(
      numberFormat('en', { style: 'currency', currency: 'BRL' }),
    );
    expect(numberFormat('pt-BR', { style: 'currency', currency: 'BRL' })).not.toBe(
      numberFormat('pt-BR', { style: 'currency', currency: 'USD' }),
    );
  });

  it('formats each language its own way however often it is asked', () => {
    const amount = -123456 as Centavos;
    for (let i = 0; i < 3; i++) {
      expect(formatMoney(amount, 'BRL', 'pt-BR').replace(/\s/g, ' ')).toBe('-R$ 1.234,56');
      expect(formatMoney(amount, 'BRL', 'en')).toBe('-R$1,234.56');
      expect(formatDate('2026-11-30T03:00:00.000Z', 'pt-BR')).toBe('30/11/2026');
      expect(formatDate('2026-11-30T03:00:00.000Z', 'en')).toBe('11/30/26');
    }
  });
});
