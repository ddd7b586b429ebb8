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
      value: {
        rows: rowsOf(page),
        next: 'https://api.pluggy.ai/v2/transactions?p=2',
        skipped: [],
        unknown: [],
      },
    });
    expect(warnings()).toEqual([]);
  });

  it('answers pages sent together each with its own rows', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    const pages = [0, 1, 2, 3].map((n) => samplePage(n * 50, 50, `acc-${n}`));
    const results = await Promise.all(pages.map((p) => decoder!.decode(body({ results: p, next: null }))));
    results.forEach((r, n) =>
      expect(r).toEqual({
        ok: true,
        value: { rows: rowsOf(pages[n]!), next: null, skipped: [], unknown: [] },
      }),
    );
  });

  it('refuses a body that is not JSON or not a page', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    expect(await decoder.decode(Buffer.from('<html>Bad gateway</html>'))).toMatchObject({
      ok: false,
      notJson: true,
    });
    expect(await decoder.decode(body({ data: [] }))).toMatchObject({
      ok: false,
      notJson: false,
      issues: [expect.objectContaining({ path: 'results' })],
    });
  });

  it('leaves out a row off Pluggy’s schema or one the table cannot take, and keeps the rest of the page', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    const page: unknown[] = samplePage(0, 5, 'acc-1');
    const good = page.slice() as Transaction[];
    page[1] = { ...good[1]!, amount: '12,50' };
    page[2] = { ...good[2]!, date: 'yesterday' };
    page[3] = { description: 'no id at all' };
    const result = await decoder.decode(body({ results: page, next: '?after=x' }));
    expect(result).toEqual({
      ok: true,
      value: {
        rows: rowsOf([good[0]!, good[4]!]),
        next: '?after=x',
        skipped: [
          { id: good[1]!.id, index: 1, path: 'amount', reason: expect.stringContaining('invalid_type') },
          { id: good[2]!.id, index: 2, path: 'date', reason: expect.any(String) },
          { id: null, index: 3, path: expect.any(String), reason: expect.any(String) },
        ],
        unknown: [],
      },
    });
  });

  it('gives a row without type its direction from the sign and the account type', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    const [a, b] = samplePage(0, 2, 'acc-1');
    const rows = [
      { ...a!, type: undefined, amount: 30 },
      { ...b!, type: undefined, amount: -30 },
    ];
    const typesOf = (r: Awaited<ReturnType<PageDecoder['decode']>>) =>
      r.ok ? r.value.rows.map((row) => row[5]) : r.issues;
    expect(typesOf(await decoder.decode(body({ results: rows, next: null }), 'CREDIT'))).toEqual([
      'DEBIT',
      'CREDIT',
    ]);
    expect(typesOf(await decoder.decode(body({ results: rows, next: null }), 'BANK'))).toEqual([
      'CREDIT',
      'DEBIT',
    ]);
  });

  it('names the enumeration values it does not know, once per page', async () => {
    decoder = createPageDecoder(capturingLogger().logger);
    const page = samplePage(0, 3, 'acc-1').map((t) => ({ ...t, status: 'SCHEDULED' }));
    const result = await decoder.decode(body({ results: page, next: null }));
    expect(result.ok && result.value.unknown).toEqual([{ field: 'transaction.status', value: 'SCHEDULED' }]);
    expect(result.ok && result.value.rows).toHaveLength(3);
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
      [0, 5].map((n) => ({
        ok: true,
        value: { rows: rowsOf(page.slice(n)), next: null, skipped: [], unknown: [] },
      })),
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
