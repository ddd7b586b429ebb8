// The Pluggy calls about a link's consent and its bank's health: GET /consents?itemId= and
// GET /connectors/{id}?healthDetails=true (never cached: health is what is true now).
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { Connector, Consent, readRows, type SkippedRow } from '../../shared/pluggy';
import type { wireClient } from './client-wiring';
import { endpointUrl, toSearchParams } from './request-url';

type Wiring = Pick<ReturnType<typeof wireClient>, 'base' | 'get'>;

const RowsPage = z.object({ results: z.array(z.unknown()), totalPages: z.number().nullish() });
/** Protection against a `totalPages` that never ends (an item has a handful of consents). */
const MAX_CONSENT_PAGES = 20;

export interface ConsentList {
  results: Consent[];
  /** Consents Pluggy listed that could not be read (left out of `results`). */
  skipped: SkippedRow[];
}

export function consentHealthCalls({ base, get }: Wiring) {
  return {
    /** Every consent of the item over every page; one off the schema is left out and described. */
    async listConsents(itemId: string): Promise<ConsentList> {
      if (itemId.trim() === '') throw new AppError('invalid_input', 'An item id must not be empty.');
      const results: Consent[] = [];
      const skipped: SkippedRow[] = [];
      for (let page = 1; page <= MAX_CONSENT_PAGES; page++) {
        const query = toSearchParams({ itemId, page: page > 1 ? page : undefined });
        const body = await get('GET /consents', endpointUrl(base, ['consents'], query), RowsPage);
        const read = readRows(Consent, body.results);
        read.skipped.forEach((row) => skipped.push({ ...row, index: row.index + results.length }));
        results.push(...read.rows);
        if (!body.totalPages || page >= body.totalPages) break;
      }
      return { results, skipped };
    },

    /** The connector as it is now, with its health details (connection rate over the last 6 hours). */
    async getConnectorHealth(id: number): Promise<Connector> {
      if (!Number.isInteger(id) || id < 0)
        throw new AppError('invalid_input', 'A connector id is a whole number.');
      const query = toSearchParams({ healthDetails: true });
      return get('GET /connectors/:id', endpointUrl(base, ['connectors', String(id)], query), Connector);
    },
  };
}
