// A ledger gap in the person's words: how much may be missing, when, which way, and the syncs of that period.
import type { TFunction } from 'i18next';
import type { LedgerCheckView } from '../../../shared/contract';
import { formatDayTime, formatMoney, formatTime } from '../../format';

type Gap = NonNullable<LedgerCheckView['gap']>;

/** At most this many runs are named; the rest are counted ("e mais 3"). */
const RUNS_NAMED = 4;

/** "03/11": a sync's moment as a day in the person's time zone (a snapshot's `at` is a timestamp). */
function day(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { day: '2-digit', month: '2-digit' }).format(new Date(iso));
}

/** "Pode faltar R$ 212,45 entre 03/11 e 10/11"; two syncs of one day are told apart by their times. */
export function gapSentence(gap: Gap, currency: string, t: TFunction, lng: string): string {
  const amount = formatMoney(Math.abs(gap.amount), currency, lng);
  if (gap.to === null) return t('ledger.gapSince', { amount, from: formatDayTime(gap.from, lng) });
  const from = day(gap.from, lng);
  const to = day(gap.to, lng);
  if (from === to) {
    const [fromTime, toTime] = [formatTime(gap.from, lng), formatTime(gap.to, lng)];
    // Two syncs within one minute: one moment, not "entre 04:18 e 04:18".
    if (fromTime === toTime) return t('ledger.gapAt', { amount, day: from, time: fromTime });
    return t('ledger.gapOnDay', { amount, day: from, from: fromTime, to: toTime });
  }
  return t('ledger.gapBetween', { amount, from, to });
}

/** Which way the missing money went, or that Cofre's own rows changed since the last sync. */
export function gapReason(gap: Gap, t: TFunction): string {
  if (gap.to === null) return t('ledger.missingSince');
  return gap.amount < 0 ? t('ledger.missingOut') : t('ledger.missingIn');
}

/** "Sincronizações do período: 03/11 08:10 (sucesso), 10/11 08:12 (falha)". */
export function gapRuns(gap: Gap, t: TFunction, lng: string): string {
  if (gap.runs.length === 0) return t('ledger.noRuns');
  const named = gap.runs.slice(0, RUNS_NAMED).map((run) =>
    t('ledger.run', {
      when: formatDayTime(run.startedAt, lng),
      outcome: t(`diagnostics.outcomes.${run.outcome}`, { defaultValue: run.outcome }),
    }),
  );
  const rest = gap.runs.length - named.length;
  const list = rest > 0 ? [...named, t('ledger.runsMore', { count: rest })] : named;
  return t('ledger.runs', { list: list.join(', ') });
}
