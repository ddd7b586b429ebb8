// Handler of security.review: the last days' findings of the daily review, from the local audit log.
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router/router';
import { lastDays } from '../security-review/local-day';
import { reviewDays } from '../security-review/review';

type SecurityHandlers = Pick<Handlers, 'security.review'>;

export function securityHandlers(ctx: CoreContext): SecurityHandlers {
  return {
    'security.review': ({ days }) => {
      const period = lastDays(ctx.clock.now(), days);
      const reviews = reviewDays(ctx.db(), period[period.length - 1]!, period[0]!);
      return {
        today: period[0]!,
        days: reviews.map((r) => ({ day: r.day, counts: r.counts, entries: r.entryIds.length })),
        period: days,
      };
    },
  };
}
