import { describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../src/shared/contract';
import { clearFinishedProgress, progressStore, recordProgress } from '../../../src/renderer/state/ui-state';

function progress(runId: number, phase: SyncProgress['phase']): SyncProgress {
  return {
    itemId: 'item-1',
    runId,
    reason: 'manual',
    phase,
    itemStatus: null,
    accountId: null,
    accountName: null,
    accountsDone: 0,
    accountsTotal: 0,
    pages: 0,
    rows: 0,
    at: '2026-12-05T12:00:00.000Z',
  };
}

describe('a link’s sync progress bar', () => {
  it('goes away when the finished run’s time on screen is over', () => {
    const done = progress(1, 'done');
    recordProgress(done);
    clearFinishedProgress(done);
    expect(progressStore.get().has('item-1')).toBe(false);
  });

  it('stays for a run that started before the last run’s finished bar was cleared', () => {
    const done = progress(1, 'done');
    recordProgress(done);
    const next = progress(2, 'refreshing');
    recordProgress(next);
    clearFinishedProgress(done);
    expect(progressStore.get().get('item-1')).toBe(next);
  });
});
