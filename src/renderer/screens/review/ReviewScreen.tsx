// "Revisão de segurança": the last 30 days of the daily review, each day with its findings and a link to them.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REVIEW_CATEGORIES } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { ErrorState, Loading } from '../../components/QueryState';
import { reviewAuditHref, reviewSummary, reviewWhen } from './review-text';

const PERIOD_DAYS = 30;

export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const review = useQuery({
    queryKey: [...keys.audit, 'review', PERIOD_DAYS],
    queryFn: () => client.invoke('security.review', { days: PERIOD_DAYS }),
  });
  const days = review.data?.days ?? [];
  const quiet = (review.data?.period ?? PERIOD_DAYS) - days.length;
  return (
    <section aria-labelledby="review-title" className="screen">
      <header className="screen-header">
        <h1 id="review-title">{t('security.title')}</h1>
      </header>
      <p className="intro">{t('security.intro')}</p>
      {review.isPending && <Loading />}
      {review.isError && <ErrorState error={review.error} onRetry={() => void review.refetch()} />}
      {review.isSuccess && (
        <>
          <h2>{t('security.period', { count: review.data.period })}</h2>
          {days.length === 0 ? (
            <p className="ok-box" data-testid="review-quiet">
              {t('security.quiet', { count: review.data.period })}
            </p>
          ) : (
            <>
              <ul className="review-days" aria-label={t('security.daysLabel')}>
                {days.map((d) => (
                  <li key={d.day} className="review-day" data-testid="review-day" data-day={d.day}>
                    <strong>{reviewWhen(d.day, t, i18n.language)}</strong>
                    <span>{reviewSummary(d.counts, t)}</span>
                    <a href={reviewAuditHref(d.day)}>{t('security.showEntries')}</a>
                  </li>
                ))}
              </ul>
              <p className="hint">{t('security.wasItYou')}</p>
              {quiet > 0 && <p className="hint">{t('security.quietDays', { count: quiet })}</p>}
            </>
          )}
        </>
      )}
      <h2>{t('security.lookedAt')}</h2>
      <ul className="review-looks">
        {REVIEW_CATEGORIES.map((c) => (
          <li key={c}>{t(`security.explain.${c}`)}</li>
        ))}
      </ul>
    </section>
  );
}
