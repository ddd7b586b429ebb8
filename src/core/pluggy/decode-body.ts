// An answer's body as a checked value (JSON, then its schema), or the reasons it is not one, as a value.
import type { z } from 'zod';
import type { PayloadIssue } from './errors';

/** What decoding a body gave: the transport turns a failure into a PluggyBadPayloadError. */
export type Decoded<T> =
  { ok: true; value: T } | { ok: false; notJson: boolean; issues: PayloadIssue[]; detail?: string };

/**
 * Decodes a body somewhere else than the caller's code path (another thread). Resolves with a failure for
 * a bad body; rejects only when the decoding itself broke.
 */
export type BodyDecoder<T> = (body: Buffer) => Promise<Decoded<T>>;

/** How a call reads its answer: a schema checked on this thread, or a decoder. */
export type AnswerReader<T> = z.ZodType<T> | BodyDecoder<T>;

export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(root)' : out;
}

/** JSON.parse, then the schema; an empty body is `undefined` (answers like 204). */
export function decodeJson<T>(body: Uint8Array | string, schema: z.ZodType<T>): Decoded<T> {
  const text =
    typeof body === 'string'
      ? body
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  let value: unknown;
  try {
    value = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      notJson: true,
      issues: [{ path: '(root)', message: 'not JSON' }],
      detail: err instanceof Error ? err.message : String(err),
    };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    notJson: false,
    issues: parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
  };
}
