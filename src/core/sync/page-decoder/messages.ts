// What the core's thread and the page decoder's thread say to each other.
import type { Decoded } from '../../pluggy/decode-body';
import type { RowPage } from './decode-row-page';

export interface DecodeRequest {
  id: number;
  body: Uint8Array;
  /** The account's type (BANK, CREDIT): rows without `type` take their direction from it. */
  accountType: string | null;
}

/** `failed` is a bug in the decoder itself (a bad body is a `result` with ok: false). */
export type DecodeReply = { id: number; result: Decoded<RowPage> } | { id: number; failed: string };
