import { describe, expect, it } from 'vitest';
import { prefetchOne } from '../../../src/core/sync/prefetch';

async function* pages(log: string[], fail?: number) {
  for (let i = 0; i < 4; i++) {
    log.push(`fetch ${i}`);
    await new Promise((r) => setTimeout(r, 5));
    if (i === fail) throw new Error(`page ${i} failed`);
    yield i;
  }
}

describe('prefetchOne', () => {
  it('asks for the next page before the current one is processed, in order', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const page of prefetchOne(pages(log))) {
      log.push(`process ${page}`);
      seen.push(page);
    }
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(log.indexOf('fetch 1')).toBeLessThan(log.indexOf('process 0'));
  });

  it('surfaces a failing page to the consumer, after the pages before it', async () => {
    const seen: number[] = [];
    await expect(async () => {
      for await (const page of prefetchOne(pages([], 2))) seen.push(page);
    }).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([0, 1]);
  });
});
