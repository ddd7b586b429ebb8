// The audit search in the words the person saw: each typed word becomes the codes whose names on screen hold it.
import type { i18n as I18n } from 'i18next';
import type { AuditSearchTermInput } from '../../../shared/audit/search-terms';
import { PLAIN_FIELDS } from './audit-details-text';

/** Case and accents do not matter: "sincronizacao" finds "Sincronização". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The keys under `audit.<group>` in any language (pt-BR is complete; English may add none of its own). */
function keysOf(i18n: I18n, language: string, group: string): string[] {
  const keys = new Set<string>();
  for (const lng of ['pt-BR', language]) {
    const bundle: unknown = i18n.getResource(lng, 'translation', `audit.${group}`);
    if (bundle && typeof bundle === 'object') for (const k of Object.keys(bundle)) keys.add(k);
  }
  return [...keys];
}

/** The codes of one group whose shown name holds the word. */
function matching(codes: string[], shown: (code: string) => string, word: string): string[] {
  return codes.filter((code) => foldText(shown(code)).includes(word));
}

/**
 * Up to 12 words of the search, each with the actions, actors, outcomes, links, detail labels and detail
 * values the screen shows in words holding it; the core keeps the entries where every word matches.
 */
export function auditSearchTerms(
  text: string,
  i18n: I18n,
  language: string,
  connections: readonly { itemId: string; name: string }[],
): AuditSearchTermInput[] {
  const t = i18n.getFixedT(language);
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 12);
  const actions = keysOf(i18n, language, 'actions');
  const actors = keysOf(i18n, language, 'actors');
  const outcomes = keysOf(i18n, language, 'outcomes');
  const values = keysOf(i18n, language, 'values');
  // Error codes are shown as their sentences (a link's state, one of Cofre's errors).
  const codeGroups = (['status', 'errors'] as const).map((group) => ({
    group,
    codes: Object.entries((i18n.getResource(language, 'translation', group) as object | undefined) ?? {})
      .filter(([, message]) => typeof message === 'string')
      .map(([code]) => code),
  }));
  return words.map((typed) => {
    const word = foldText(typed);
    return {
      text: typed.slice(0, 200),
      actions: matching(actions, (k) => t(`audit.actions.${k}`), word).map((k) => k.replaceAll('__', '.')),
      actors: matching(actors, (k) => t(`audit.actors.${k}`), word),
      outcomes: matching(outcomes, (k) => t(`audit.outcomes.${k}`), word),
      connectionIds: connections.filter((c) => foldText(c.name).includes(word)).map((c) => c.itemId),
      fields: matching([...PLAIN_FIELDS], (k) => t(`audit.fields.${k}`), word),
      values: [
        ...matching(values, (k) => t(`audit.values.${k}`), word),
        ...codeGroups.flatMap(({ group, codes }) =>
          matching(codes, (k) => t(`${group}.${k}`, { bank: '' }), word),
        ),
      ].slice(0, 500),
    };
  });
}
