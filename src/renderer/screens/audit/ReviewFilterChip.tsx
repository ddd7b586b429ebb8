// Shown while the Audit screen lists only what a day's security review found, with the way back to all.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';

export function ReviewFilterChip({ day }: { day: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="review-filter" role="status" data-testid="audit-review-filter">
      <span>{t('security.filterChip', { date: formatDate(`${day}T12:00:00Z`, i18n.language) })}</span>
      <a href="#/audit">{t('security.clearFilter')}</a>
    </p>
  );
}
