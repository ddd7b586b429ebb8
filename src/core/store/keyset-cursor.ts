// Opaque keyset cursors: a (sort key, id) pair encoded as base64url JSON, validated on the way back in.
import { AppError } from '../../shared/errors';

export function encodeCursor(key: string | number, id: string | number): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; anything else is an `invalid_input` error. */
export function decodeCursor<K extends 'string' | 'number', I extends 'string' | 'number'>(
  cursor: string,
  keyType: K,
  idType: I,
): [K extends 'string' ? string : number, I extends 'string' ? string : number] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (err) {
    throw new AppError('invalid_input', 'The page cursor is not valid.', { cause: err });
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== keyType ||
    typeof parsed[1] !== idType
  ) {
    throw new AppError('invalid_input', 'The page cursor is not valid.');
  }
  return parsed as [K extends 'string' ? string : number, I extends 'string' ? string : number];
}
