// The client's reads of an item's investments (and their movements) and loans, every page, rows read one by one.
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  Investment,
  InvestmentTransaction,
  Loan,
  readRows,
  unknownInvestmentTransactionValues,
  unknownInvestmentValues,
  unknownLoanValues,
  type SkippedRow,
  type UnknownValue,
} from '../../shared/pluggy';
import type { Logger } from '../logging/logger';
import type { AnswerReader } from './decode-body';
import { endpointUrl, toSearchParams, type QueryValue } from './request-url';
import { logUnknownValues } from './unknown-values-log';

/** A list read over all its pages: the rows that parsed, the ones left out, and whether it holds them all. */
export interface RowList<T> {
  results: T[];
  skipped: SkippedRow[];
  /** False when the pages held fewer rows than Pluggy's `total` (or the page cap was hit). */
  complete: boolean;
}

const RowsPage = z.object({
  results: z.array(z.unknown()),
  total: z.number().nullish(),
  totalPages: z.number().nullish(),
});

/** Pluggy's largest page for these lists (its default); fewer round trips than smaller pages. */
const PAGE_SIZE = 500;
/** Protection against a `totalPages` that never ends. */
const MAX_PAGES = 100;

type Get = <T>(endpoint: string, url: URL, reader: AnswerReader<T>, signal?: AbortSignal) => Promise<T>;

export function productReads(deps: { base: URL; get: Get; logger: Logger }) {
  const { base, get, logger } = deps;

  async function readAll<T>(
    endpoint: string,
    path: string[],
    params: Record<string, QueryValue>,
    schema: z.ZodType<T>,
    unknownOf: (row: T) => UnknownValue[],
    signal?: AbortSignal,
    paged = true,
  ): Promise<RowList<T>> {
    const results: T[] = [];
    const skipped: SkippedRow[] = [];
    let total: number | undefined;
    let complete = false;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = toSearchParams(paged ? { ...params, page, pageSize: PAGE_SIZE } : params);
      const body = await get(endpoint, endpointUrl(base, path, query), RowsPage, signal);
      const read = readRows(schema, body.results);
      const offset = results.length + skipped.length;
      for (const row of read.skipped) skipped.push({ ...row, index: row.index + offset });
      for (const row of read.rows) logUnknownValues(logger, unknownOf(row));
      results.push(...read.rows);
      total ??= body.total ?? undefined;
      const last = !paged || body.totalPages == null || page >= body.totalPages || body.results.length === 0;
      if (last) {
        complete = true;
        break;
      }
    }
    if (total !== undefined && results.length + skipped.length < total) complete = false;
    return { results, skipped, complete };
  }

  const id = (value: string, what: string) => {
    if (value.trim() === '') throw new AppError('invalid_input', `${what} must not be empty.`);
    return value;
  };

  return {
    /** Every investment of the item (GET /investments?itemId=, all pages). */
    listInvestments(itemId: string, signal?: AbortSignal): Promise<RowList<Investment>> {
      return readAll(
        'GET /investments',
        ['investments'],
        { itemId: id(itemId, 'An item id') },
        Investment,
        unknownInvestmentValues,
        signal,
      );
    },

    /** Every movement of one investment (GET /investments/{id}/transactions, all pages). */
    investmentTransactions(
      investmentId: string,
      signal?: AbortSignal,
    ): Promise<RowList<InvestmentTransaction>> {
      return readAll(
        'GET /investments/:id/transactions',
        ['investments', id(investmentId, 'An investment id'), 'transactions'],
        {},
        InvestmentTransaction,
        unknownInvestmentTransactionValues,
        signal,
      );
    },

    /** Every loan of the item (GET /loans?itemId=; the spec gives this list no paging parameters). */
    listLoans(itemId: string, signal?: AbortSignal): Promise<RowList<Loan>> {
      return readAll(
        'GET /loans',
        ['loans'],
        { itemId: id(itemId, 'An item id') },
        Loan,
        unknownLoanValues,
        signal,
        false,
      );
    },
  };
}
