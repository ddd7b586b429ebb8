import { describe, expect, it } from 'vitest';
import { localiseParams } from '../../src/renderer/components/notice-params';

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
