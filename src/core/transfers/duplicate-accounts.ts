// Finds one account or card listed under two links (a bank and its card connector): same type, same number
// written either way, same holder; the person's choice of which copy counts is kept across syncs.
import type { DuplicateChoice, DuplicateGroup } from '../store';
import { digitsOf, normalName, sameNumber, type OwnAccount } from './same-person';

function sameHolder(a: OwnAccount, b: OwnAccount): boolean {
  const ta = digitsOf(a.taxNumber);
  const tb = digitsOf(b.taxNumber);
  if (ta.length > 0 && tb.length > 0) return ta === tb;
  const oa = normalName(a.owner);
  const ob = normalName(b.owner);
  return oa === '' || ob === '' || oa === ob;
}

function isCopy(a: OwnAccount, b: OwnAccount): boolean {
  return (
    a.connectionId !== b.connectionId &&
    a.type === b.type &&
    (a.subtype === null || b.subtype === null || a.subtype === b.subtype) &&
    sameNumber(a.number, b.number) &&
    sameHolder(a, b)
  );
}

/** Groups of copies; each names the one counted (the person's choice, else the one Cofre saw first). */
export function findDuplicateGroups(
  accounts: readonly OwnAccount[],
  choices: ReadonlyMap<string, DuplicateChoice>,
): DuplicateGroup[] {
  const parent = accounts.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < accounts.length; i++)
    for (let j = i + 1; j < accounts.length; j++)
      if (isCopy(accounts[i]!, accounts[j]!)) parent[root(j)] = root(i);
  const members = new Map<number, OwnAccount[]>();
  accounts.forEach((a, i) => members.set(root(i), [...(members.get(root(i)) ?? []), a]));
  const groups: DuplicateGroup[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const shortest = list.map((a) => digitsOf(a.number)).sort((x, y) => x.length - y.length)[0]!;
    const key = `${list[0]!.type}|${shortest}`;
    const choice = choices.get(key);
    if (choice && choice.keptAccountId === null) continue;
    const ordered = [...list].sort((x, y) =>
      x.firstSeenAt === y.firstSeenAt ? x.id.localeCompare(y.id) : x.firstSeenAt.localeCompare(y.firstSeenAt),
    );
    const chosen = list.find((a) => a.id === choice?.keptAccountId);
    groups.push({ key, accountIds: ordered.map((a) => a.id), keptAccountId: (chosen ?? ordered[0]!).id });
  }
  return groups;
}
