import { describe, expect, it } from 'vitest';
import { planReads } from '../../../src/core/sync/windows';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');

describe('planning what a sync reads', () => {
  it('reads a full year on the first sync', () => {
    expect(planReads(NOW, null, null)).toEqual({
      full: { dateFrom: '2025-06-15' },
      created: null,
      window: null,
    });
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
