import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { noticeParams } from '../../src/renderer/components/notice-extras';
import { localiseParams } from '../../src/renderer/components/notice-params';
import { formatMoney } from '../../src/renderer/format';

describe('message values as the user reads them', () => {
  it('shows an instant (when Pluggy allows the next try) as a date and a time in the language', () => {
    const at = '2026-12-04T15:30:00.000Z';
    const pt = localiseParams({ until: at, bank: 'Itaú' }, 'pt-BR');
    expect(pt['until']).toContain('04/12/2026');
    expect(pt['until']).toMatch(/\d{2}:\d{2}/);
    expect(pt['bank']).toBe('Itaú');
    expect(localiseParams({ until: at }, 'en')['until']).toMatch(/12\/4\/26.*\d{1,2}:\d{2}/);
  });

  it('keeps showing a day as a date only', () => {
    expect(localiseParams({ date: '2026-12-04' }, 'pt-BR')['date']).toBe('04/12/2026');
  });
});

describe('a fatura notice’s values', () => {
  it('shows its centavos as money in the language, and its day as a date', () => {
    const t = ((key: string) => key) as unknown as TFunction;
    const notice = {
      kind: 'fatura_due',
      params: {
        card: 'Black •••• 7605',
        bank: 'Itaú',
        date: '2027-01-03',
        amountCents: '1636448',
        currency: 'BRL',
      },
    };
    const pt = noticeParams(notice, t, 'pt-BR');
    expect(pt['amount']).toBe(formatMoney(1_636_448, 'BRL', 'pt-BR'));
    expect(pt['amount']).toMatch(/^R\$\s16\.364,48$/);
    expect(pt['date']).toBe('03/01/2027');
    expect(noticeParams(notice, t, 'en')['amount']).toMatch(/R\$\s?16,364\.48/);
    const closing = noticeParams({ kind: 'fatura_closing', params: { totalCents: '-500' } }, t, 'pt-BR');
    expect(closing['total']).toMatch(/^-R\$\s5,00$/);
  });
});
