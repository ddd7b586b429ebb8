// `for await` over /v2/transactions pages: follows each `next` as given, holds one page at a time.
import { AppError } from '../../shared/errors';
import type { TransactionPage } from '../../shared/pluggy';
import { PluggyBadPayloadError } from './errors';

export interface TransactionQuery {
  /** Posted-date range, `YYYY-MM-DD` or ISO, inclusive. */
  dateFrom?: string;
  dateTo?: string;
  /** Ingestion watermark (ISO); Pluggy refuses it together with `dateFrom`. */
  createdAtFrom?: string;
  /** Only these ids (at most 500). */
  ids?: readonly string[];
  /** Resume from a `next` link kept from an earlier iteration instead of starting over. */
  resumeFrom?: string;
  /** Stops the iteration (and any wait inside it) with the signal's reason. */
  signal?: AbortSignal;
  /** Refuse to go on after this many pages: protection against a cursor that never ends (default 10,000). */
  maxPages?: number;
}

/** What the iterator needs of a page, whatever shape it was decoded into. */
export interface PageLink {
  next?: string | null | undefined;
}

export interface PageFetcher<P extends PageLink = TransactionPage> {
  first(): URL;
  resolve(next: string): URL;
  fetch(url: URL, signal?: AbortSignal): Promise<P>;
}

/** Checks the combination of filters before anything is sent. */
export function checkTransactionQuery(query: TransactionQuery): void {
  if (query.dateFrom !== undefined && query.createdAtFrom !== undefined) {
    throw new AppError(
      'invalid_input',
      'Pluggy does not accept dateFrom together with createdAtFrom; pick one.',
      {
        details: { parameters: ['dateFrom', 'createdAtFrom'] },
      },
    );
  }
  if (query.ids !== undefined && query.ids.length > 500) {
    throw new AppError('invalid_input', 'Pluggy accepts at most 500 transaction ids per request.', {
      details: { parameter: 'ids', count: query.ids.length },
    });
  }
}

/**
 * Yields each page as Pluggy sent it (`results` and the `next` link, which a caller may store to resume).
 * The next page is only requested when the consumer asks for it, so memory stays at one page.
 */
export async function* iterateTransactionPages<P extends PageLink>(
  fetcher: PageFetcher<P>,
  query: TransactionQuery,
): AsyncGenerator<P, void, undefined> {
  const maxPages = query.maxPages ?? 10_000;
  let url = query.resumeFrom !== undefined ? fetcher.resolve(query.resumeFrom) : fetcher.first();
  let previousNext = query.resumeFrom;
  for (let pages = 1; ; pages++) {
    query.signal?.throwIfAborted();
    const page = await fetcher.fetch(url, query.signal);
    yield page;
    const next = page.next;
    if (next === null || next === undefined || next === '') return;
    if (next === previousNext) {
      throw new PluggyBadPayloadError({
        status: 200,
        method: 'GET',
        path: url.pathname,
        message: 'Pluggy returned the same transactions cursor twice; stopping instead of looping.',
        issues: [{ path: 'next', message: 'cursor did not advance' }],
      });
    }
    if (pages >= maxPages) {
      throw new AppError(
        'sync_failed',
        `Stopped after ${maxPages} transaction pages; the cursor did not end.`,
        {
          details: { maxPages },
        },
      );
    }
    previousNext = next;
    url = fetcher.resolve(next);
  }
}
