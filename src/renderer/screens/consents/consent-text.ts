// A consent's state in words and in a tone (calm, a warning 30 and 7 days ahead, stopped), and what stops with it.
import type { TFunction } from 'i18next';
import type { ConsentState, ConsentView } from '../../../shared/contract';
import { formatDate } from '../../format';

export type ConsentTone = 'calm' | 'warn' | 'urgent' | 'stopped';

const TONE: Record<ConsentState, ConsentTone> = {
  valid: 'calm',
  no_expiry: 'calm',
  expiring: 'warn',
  expiring_soon: 'urgent',
  expired: 'stopped',
  revoked: 'stopped',
};

export const consentTone = (state: ConsentState): ConsentTone => TONE[state];

/** States where the person should renew now (from 30 days ahead to after it stopped). */
export const wantsRenewal = (state: ConsentState): boolean => TONE[state] !== 'calm';

/** "Consentimento válido até 12/03/2027", with the days left once it is near, or why nothing arrives. */
export function consentSentence(t: TFunction, consent: ConsentView, lng: string): string {
  const date = (iso: string | null) => (iso ? formatDate(iso, lng) : t('consents.unknown'));
  switch (consent.state) {
    case 'revoked':
      return t('consents.revoked', { date: date(consent.revokedAt) });
    case 'expired':
      return t('consents.expired', { date: date(consent.expiresAt) });
    case 'no_expiry':
      return t('consents.noExpiry');
    case 'expiring':
    case 'expiring_soon':
      return consent.daysLeft === 0
        ? t('consents.expiresToday', { date: date(consent.expiresAt) })
        : t('consents.expiresIn', { date: date(consent.expiresAt), count: consent.daysLeft ?? 0 });
    case 'valid':
      return t('consents.validUntil', { date: date(consent.expiresAt) });
  }
}

/** A translated name for a code Pluggy sends, or the code itself when Cofre has no words for it yet. */
export function codeName(t: TFunction, group: string, code: string): string {
  return t(`consents.${group}.${code}`, { defaultValue: code });
}

/** "saldos das contas, transações e limites e faturas dos cartões": what stops arriving when it lapses. */
export function whatStops(t: TFunction, products: readonly string[], lng: string): string {
  const items = products.map((p) => t(`consents.productStops.${p}`, { defaultValue: '' })).filter(Boolean);
  if (items.length === 0) return t('consents.whatStopsGeneric');
  const list = new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' }).format(items);
  return t('consents.whatStops', { items: list });
}
