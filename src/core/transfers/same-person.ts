// Whether a name, document or account number points at the person themself (the holder of their accounts).
import type { MoveRow } from './move-rows';
import { partiesOf } from './move-rows';

export interface OwnAccount {
  id: string;
  connectionId: string;
  type: string;
  subtype: string | null;
  number: string | null;
  owner: string | null;
  taxNumber: string | null;
  firstSeenAt: string;
}

export const digitsOf = (s: string | null | undefined): string => (s ?? '').replace(/\D/g, '');

/** Lower case, no accents, single spaces: "JOÃO  da Silva" and "joao da silva" are one name. */
export function normalName(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** One number written two ways (a card's last four digits, a number with or without its branch). */
export function sameNumber(a: string | null, b: string | null): boolean {
  const x = digitsOf(a);
  const y = digitsOf(b);
  if (x.length < 4 || y.length < 4) return false;
  return x.endsWith(y) || y.endsWith(x);
}

/** What a row says of its other side: the person themself, someone else, or nothing either way. */
export type OtherSide = 'owner' | 'someone_else' | 'unknown';

/**
 * Whether the row's other side is the person: the bank calls it a same-person transfer, or the counterparty's
 * CPF, account number or full name is the holder's; a counterparty named as anyone else rules it out. Amount
 * and date alone are not enough: a friend's Pix of the same amount on the same day is not an own transfer.
 */
export function otherSideOf(row: MoveRow, self: OwnAccount, other: OwnAccount): OtherSide {
  if ((row.categoryId ?? '').startsWith('04') || (row.category ?? '').startsWith('Same person transfer'))
    return 'owner';
  const { payer, receiver } = partiesOf(row);
  const them = row.type === 'DEBIT' ? receiver : payer;
  const me = row.type === 'DEBIT' ? payer : receiver;
  const ownDocs = [self.taxNumber, other.taxNumber, me?.document ?? null]
    .map(digitsOf)
    .filter((d) => d.length >= 11);
  const owners = [self.owner, other.owner].map(normalName).filter((n) => n.includes(' '));
  const doc = digitsOf(them?.document);
  if (doc.length >= 11) return ownDocs.includes(doc) ? 'owner' : 'someone_else';
  if (sameNumber(them?.accountNumber ?? null, other.number)) return 'owner';
  const name = normalName(them?.name ?? row.counterpartyName);
  if (name !== '') return owners.includes(name) ? 'owner' : 'someone_else';
  const description = ` ${normalName(row.description)} `;
  return owners.some((o) => description.includes(` ${o} `)) ? 'owner' : 'unknown';
}
