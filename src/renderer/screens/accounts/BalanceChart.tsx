// Balance over time for one account (charts.balance), as a line chart with a readable summary.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccountView } from '../../../shared/contract';
import { useClient } from '../../client/client-context';
import { keys } from '../../client/query-keys';
import { Empty, ErrorState, Loading } from '../../components/QueryState';
import { dayString, daysAgo } from '../../dates';
import { accountLabel } from '../../account-label';
import { formatDate, formatMoney, formatMoneyCompact } from '../../format';

const RANGES = [30, 90, 365] as const;

export function BalanceChart({ accounts }: { accounts: AccountView[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useClient();
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [range, setRange] = useState<(typeof RANGES)[number]>(90);
  const [today] = useState(() => new Date());
  const from = dayString(daysAgo(range, today));
  const to = dayString(today);
  const account = accounts.find((a) => a.id === accountId) ?? accounts[0];
  const series = useQuery({
    queryKey: [...keys.charts, 'balance', account?.id, from, to],
    queryFn: () => client.invoke('charts.balance', { accountId: account?.id ?? '', from, to }),
    enabled: account !== undefined,
  });
  const currency = account?.currencyCode ?? 'BRL';
  return (
    <section className="panel" aria-labelledby="balance-chart-title">
      <header className="panel-header">
        <h2 id="balance-chart-title">{t('accounts.balanceChart')}</h2>
        <label className="inline">
          {t('accounts.account')}
          <select value={account?.id ?? ''} onChange={(e) => setAccountId(e.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {accountLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('accounts.period')}
          <select value={range} onChange={(e) => setRange(Number(e.target.value) as (typeof RANGES)[number])}>
            {RANGES.map((r) => (
              <option key={r} value={r}>
                {t('accounts.lastDays', { count: r })}
              </option>
            ))}
          </select>
        </label>
      </header>
      {series.isPending && account && <Loading />}
      {series.isError && <ErrorState error={series.error} onRetry={() => void series.refetch()} />}
      {series.isSuccess && series.data.length === 0 && <Empty title={t('accounts.noHistory')} />}
      {series.isSuccess && series.data.length > 0 && (
        <div
          className="chart"
          role="img"
          aria-label={t('accounts.balanceChartAlt', { name: account?.name ?? '' })}
        >
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={series.data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="day" tickFormatter={(d: string) => formatDate(d, lng)} minTickGap={32} />
              <YAxis width={96} tickFormatter={(v: number) => formatMoneyCompact(v, currency, lng)} />
              <Tooltip
                formatter={(v) => formatMoney(Number(v), currency, lng)}
                labelFormatter={(d) => formatDate(String(d), lng)}
              />
              <Line
                isAnimationActive={false}
                type="monotone"
                dataKey="balance"
                name={t('accounts.balance')}
                stroke="var(--accent)"
                dot={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
