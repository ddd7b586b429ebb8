// Makes a details object safe for the audit log: secrets, JWTs, CPF/CNPJ and full account numbers masked.
import { JWT_PATTERN, isSecretKey } from '../logging/secret-keys';

const CNPJ = /(?<![0-9A-Za-z])\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}(?![0-9A-Za-z])/g;
const CPF = /(?<![0-9A-Za-z])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![0-9A-Za-z])/g;
// Properties that hold a whole bank account or card number; only their last 4 characters survive.
const ACCOUNT_NUMBER_KEY =
  /^(number|accountNumber|account_number|transferNumber|transfer_number|cardNumber|card_number|iban)$/i;

const MAX_DEPTH = 8;
const MAX_STRING = 2000;
const MAX_ITEMS = 100;

export const REDACTED = '[redacted]';

/** Masks CPF/CNPJ-shaped numbers and JWTs inside free text. */
export function redactText(text: string): string {
  return text
    .replace(JWT_PATTERN, '[jwt]')
    .replace(CNPJ, '**.***.***/****-**')
    .replace(CPF, '***.***.***-**');
}

function maskAccountNumber(value: unknown): string {
  const text = String(value);
  const tail = text.replace(/[^0-9A-Za-z]/g, '').slice(-4);
  return text.length <= 4 ? '****' : `****${tail}`;
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') {
    const text = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…[truncated]` : value;
    return redactText(text);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined; // functions, symbols, undefined: not data
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[binary ${value.byteLength} bytes]`;
    if (value instanceof Error) {
      return { name: value.name, message: redactText(value.message) };
    }
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((v) => redactValue(v, depth + 1, seen) ?? null);
      if (value.length > MAX_ITEMS) items.push(`[+${value.length - MAX_ITEMS} more]`);
      return items;
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (isSecretKey(key)) {
        out[key] = REDACTED;
      } else if (ACCOUNT_NUMBER_KEY.test(key) && (typeof v === 'string' || typeof v === 'number')) {
        out[key] = maskAccountNumber(v);
      } else {
        const r = redactValue(v, depth + 1, seen);
        if (r !== undefined) out[key] = r;
      }
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** A deep, JSON-safe copy of `details` with everything sensitive masked; the input is not modified. */
export function redactDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out = redactValue(details, 0, new WeakSet());
  return out !== null && typeof out === 'object' && !Array.isArray(out)
    ? (out as Record<string, unknown>)
    : {};
}
