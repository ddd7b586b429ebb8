// Raw Pluggy JSON kept beside the indexed columns, and the hash that tells a changed object from an unchanged one.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';

export interface RawJson {
  text: string;
  hash: string;
}

/** Serialises an object as received and hashes it; the hash only detects change, it protects nothing. */
export function rawJson(value: unknown): RawJson {
  const text = JSON.stringify(value);
  return { text, hash: createHash('sha1').update(text).digest('base64') };
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A Pluggy timestamp as canonical `YYYY-MM-DDTHH:mm:ss.sssZ`; a bad one is an `invalid_input` error. */
export function isoTimestamp(value: string, field: string, id: string): string {
  if (CANONICAL.test(value)) return value;
  if (DATE_ONLY.test(value)) return `${value}T00:00:00.000Z`;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new AppError('invalid_input', `Field ${field} of ${id} is not a date: ${JSON.stringify(value)}.`, {
      details: { id, field },
    });
  }
  return new Date(ms).toISOString();
}

/** Like `isoTimestamp` for optional fields. */
export function isoOrNull(value: string | null | undefined, field: string, id: string): string | null {
  return value === null || value === undefined || value === '' ? null : isoTimestamp(value, field, id);
}
