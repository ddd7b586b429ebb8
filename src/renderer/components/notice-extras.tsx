// What some notices add: a review's words ("Hoje: 2 exportações"), a fatura's money, a link to act on them.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NoticeView } from '../../shared/contract';
import { countsOfParams, reviewAuditHref, reviewSummary, reviewWhen } from '../screens/review/review-text';
import { formatMoney } from '../format';
import { localiseParams } from './notice-params';

/** The interpolation values of a notice's text. */
export function noticeParams(
  notice: Pick<NoticeView, 'params'> & { kind?: string | undefined },
  t: TFunction,
  language: string,
): Record<string, string> {
  const params = localiseParams(notice.params, language);
  const day = notice.params['day'];
  if (notice.kind === 'fatura_closing' || notice.kind === 'fatura_due') {
    // Centavos from the core, money only here.
    const money = (cents: string | undefined) =>
      cents === undefined ? '' : formatMoney(Number(cents), notice.params['currency'] ?? 'BRL', language);
    return {
      ...params,
      total: money(notice.params['totalCents']),
      amount: money(notice.params['amountCents']),
    };
  }
  if (notice.kind === 'security_review' && day) {
    return {
      ...params,
      when: reviewWhen(day, t, language),
      summary: reviewSummary(countsOfParams(notice.params), t),
    };
  }
  return params;
}

export function NoticeLink({ notice, onFollow }: { notice: NoticeView; onFollow: () => void }) {
  const { t } = useTranslation();
  const day = notice.params['day'];
  const link =
    notice.kind === 'security_review' && day
      ? { href: reviewAuditHref(day), text: t('security.showEntries') }
      : notice.kind === 'relay_rotation_due'
        ? { href: '#/settings', text: t('relay.rotation.title') }
        : notice.kind === 'fatura_closing' || notice.kind === 'fatura_due'
          ? { href: '#/cards', text: t('cards.showCards') }
          : null;
  if (!link) return null;
  return (
    <a href={link.href} onClick={onFollow} data-testid="notice-link">
      {link.text}
    </a>
  );
}
