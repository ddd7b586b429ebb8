import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../../src/core/logging/logger';
import { Transaction } from '../../../../src/shared/pluggy';
import { toRowValues } from '../../../../src/core/store';
import { decodeRowPage } from '../../../../src/core/sync/page-decoder/decode-row-page';
import { createPageDecoder, type PageDecoder } from '../../../../src/core/sync/page-decoder/page-decoder';
import { samplePage } from '../../store/sample-data';

const body = (value: unknown) => Buffer.from(JSON.stringify(value));
/** Rows as Pluggy's schema hands the fields over (in its order), mapped on this thread. */
const rowsOf = (page: Transaction[]) => page.map((t) => toRowValues(Transaction.parse(t)));

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = createLogger({
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg) };
}

describe('the page decoder', () => {
  let decoder: PageDecoder | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await decoder?.close();
  });

  it('turns a transactions page into table rows on its own thread', async () => {
    const { logger, warnings } = capturingLogger();
    decoder = createPageDecoder(logger);
    const page = samplePage(0, 300, 'acc-1');
    const parse = vi.spyOn(JSON, 'parse');
    const result = await decoder.decode(
      body({ results: page, next: 'https://api.pluggy.ai/v2/transactions?p=2' }),
    );
    // The JSON was read elsewhere: this thread never parsed it.
    expect(parse).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: true,
      value: { rows: rowsOf(page), next: 'https://api.pluggy.ai/v2/transactions?p=2' },
    });
    expect(warnings()).toEqual([]);
  });

  it('answers pages sent together each with its own rows', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    const pages = [0, 1, 2, 3].map((n) => samplePage(n * 50, 50, `acc-${n}`));
    const results = await Promise.all(pages.map((p) => decoder!.decode(body({ results: p, next: null }))));
    results.forEach((r, n) =>
      expect(r).toEqual({ ok: true, value: { rows: rowsOf(pages[n]!), next: null } }),
    );
  });

  it('reports a body that is not JSON, one off Pluggy’s schema, and a row the table cannot take', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    expect(await decoder.decode(Buffer.from('<html>Bad gateway</html>'))).toMatchObject({
      ok: false,
      notJson: true,
    });
    expect(await decoder.decode(body({ results: [{ id: 'x' }] }))).toMatchObject({
      ok: false,
      notJson: false,
      issues: expect.arrayContaining([expect.objectContaining({ path: 'results[0].accountId' })]),
    });
    const page = samplePage(0, 3, 'acc-1');
    page[2] = { ...page[2]!, date: 'yesterday' };
    expect(await decoder.decode(body({ results: page, next: null }))).toEqual({
      ok: false,
      notJson: false,
      issues: [{ path: 'results[2].date', message: expect.stringContaining(page[2].id) }],
    });
  });

  it('decodes on the calling thread, with one warning, when its thread cannot start', async () => {
    const { logger, warnings } = capturingLogger();
    decoder = createPageDecoder(logger, { url: new URL('./no-such-worker.js', import.meta.url) });
    const page = samplePage(0, 20, 'acc-1');
    const first = await decoder.decode(body({ results: page, next: null }));
    const second = await decoder.decode(body({ results: page.slice(5), next: null }));
    expect(first).toEqual(decodeRowPage(body({ results: page, next: null })));
    expect(second).toMatchObject({ ok: true, value: { rows: rowsOf(page.slice(5)) } });
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/decoding on the core's thread/);
  });

  it('gives up on a thread that stops answering and decodes its pages on the calling thread', async () => {
    const { logger, warnings } = capturingLogger();
    decoder = createPageDecoder(logger, { url: new URL('./silent-worker.mjs', import.meta.url) }, 300);
    const page = samplePage(0, 20, 'acc-1');
    const started = Date.now();
    const results = await Promise.all(
      [0, 5].map((n) => decoder!.decode(body({ results: page.slice(n), next: null }))),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(results).toEqual(
      [0, 5].map((n) => ({ ok: true, value: { rows: rowsOf(page.slice(n)), next: null } })),
    );
    expect(warnings()).toEqual([expect.stringMatching(/did not answer within 300 ms/)]);
  });

  it('still decodes after it was closed', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    const page = samplePage(0, 10, 'acc-1');
    await decoder.decode(body({ results: page, next: null }));
    await decoder.close();
    expect(await decoder.decode(body({ results: page, next: null }))).toMatchObject({ ok: true });
  });
});
