import { describe, expect, it } from 'vitest';
import { planReads, splitDateRange } from '../../../src/core/sync/windows';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');

describe('planning what a sync reads', () => {
  it('reads a full year on the first sync, as four ranges read at once that never share a day', () => {
    expect(planReads(NOW, null, null)).toEqual({
      full: {
        dateFrom: '2025-06-15',
        ranges: [
          { dateFrom: '2025-06-15', dateTo: '2025-09-13' },
          { dateFrom: '2025-09-14', dateTo: '2025-12-14' },
          { dateFrom: '2025-12-15', dateTo: '2026-03-15' },
          // Open-ended: card installments can be dated after today.
          { dateFrom: '2026-03-16' },
        ],
      },
      created: null,
      window: null,
    });
  });

  it('does not split a short range into request chains of a few days', () => {
    expect(splitDateRange('2026-06-05', NOW)).toEqual([{ dateFrom: '2026-06-05' }]);
    expect(splitDateRange('2026-05-15', NOW)).toEqual([
      { dateFrom: '2026-05-15', dateTo: '2026-05-30' },
      { dateFrom: '2026-05-31' },
    ]);
  });

  it('reads new ingestions from the watermark and re-reads the last 7 days', () => {
    expect(planReads(NOW, '2026-06-14T10:00:00.000Z', null)).toEqual({
      full: null,
      created: { createdAtFrom: '2026-06-14T10:00:00.000Z' },
      window: { dateFrom: '2026-06-08' },
    });
  });

  it('widens the re-read window to a day before the oldest row still pending', () => {
    const plan = planReads(NOW, '2026-06-14T10:00:00.000Z', '2026-05-20');
    expect(plan.window).toEqual({ dateFrom: '2026-05-19' });
  });

  it('keeps the 7-day window when the pending rows are recent', () => {
    expect(planReads(NOW, '2026-06-14T10:00:00.000Z', '2026-06-13').window).toEqual({
      dateFrom: '2026-06-08',
    });
  });
});
