// Spending by category for a chosen month (charts.spending): bars plus the same figures as a table.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { monthString, recentMonths } from '../../dates';

/** Two years back: older spending is in the exports and the Transactions screen. */
const MONTHS_SHOWN = 24;
import { formatMoney, formatMonth } from '../../format';
import { useCategoryName } from '../transactions/category-name';

export function SpendingChart({ currency }: { currency: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const categoryName = useCategoryName();
  const [month, setMonth] = useState(() => monthString(new Date()));
  const spending = useQuery({
    queryKey: [...keys.charts, 'spending', month],
    queryFn: () => client.invoke('charts.spending', { month }),
  });
  const rows = (spending.data ?? [])
    .filter((r) => r.outflow > 0)
    .map((r) => ({ ...r, name: categoryName(r.category), outflow: Math.abs(r.outflow) }))
    .sort((a, b) => b.outflow - a.outflow);
  const money = (v: number) => formatMoney(v, currency, lng);
  return (
    <section className="panel" aria-labelledby="spending-title">
      <header className="panel-header">
        <h2 id="spending-title">{t('accounts.spending')}</h2>
        <label className="inline">
          {t('accounts.month')}
          {/* A list of months in the app's language: the browser's month input speaks its own (English). */}
          <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="spending-month">
            {recentMonths(new Date(), MONTHS_SHOWN).map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, lng)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {spending.isPending && <Loading />}
      {spending.isError && <ErrorState error={spending.error} onRetry={() => void spending.refetch()} />}
      {spending.isSuccess && rows.length === 0 && (
        <Empty title={t('accounts.noSpending', { month: formatMonth(month, lng) })} />
      )}
      {rows.length > 0 && (
        <div className="spending">
          <div
            className="chart"
            role="img"
            aria-label={t('accounts.spendingAlt', { month: formatMonth(month, lng) })}
          >
            <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 28)}>
              <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 16 }}>
                <XAxis type="number" hide />
                <YAxis type="category" dataKey="name" width={170} />
                <Tooltip formatter={(v) => money(Number(v))} />
                <Bar
                  isAnimationActive={false}
                  dataKey="outflow"
                  name={t('accounts.outflow')}
                  fill="var(--accent)"
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="table compact">
            <caption className="sr-only">{t('accounts.spendingTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transactions.category')}</th>
                <th scope="col" className="num">
                  {t('accounts.outflow')}
                </th>
                <th scope="col" className="num">
                  {t('accounts.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.category ?? '-'}>
                  <td>{r.name}</td>
                  <td className="num">{money(r.outflow)}</td>
                  <td className="num">{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
