// One card: its open fatura (running total, days to closing and due), parcelas ahead, and its closed faturas.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardView, CsvVariant, FaturaState, FaturaView } from '../../../shared/contract';
import { formatDate, formatMoney, formatMonth, formatMonthShort } from '../../format';
import { AheadMonths, PurchasesAhead } from './AheadMonths';
import { FaturaDetail } from './FaturaDetail';
import { closingText, dueText } from './fatura-dates';
import { useFaturaExport } from './use-fatura-export';

/** Closed faturas shown before "show more": half a year. */
const RECENT = 6;

const BADGE: Record<FaturaState, string> = {
  open: 'badge-info',
  awaiting: 'badge-warning',
  paid: 'badge-ok',
  partial: 'badge-warning',
  unpaid: 'badge-error',
};

export function StateBadge({ state }: { state: FaturaState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${BADGE[state]}`} data-testid="fatura-state">
      {t(`cards.states.${state}`)}
    </span>
  );
}

export function CardPanel({
  card,
  title,
  csvVariant,
}: {
  card: CardView;
  title: string;
  csvVariant: CsvVariant;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [opened, setOpened] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const exporter = useFaturaExport(csvVariant);
  const money = (cents: number) => formatMoney(cents, card.currencyCode, lng);
  const toggle = (f: FaturaView) => setOpened(opened === f.key ? null : f.key);
  const exportButton = (f: FaturaView, text = t('cards.exportCsv')) => (
    <button
      type="button"
      className="link-button"
      aria-label={t('cards.exportOf', { month: formatMonth(f.month, lng) })}
      disabled={exporter.isPending}
      onClick={() => exporter.mutate({ accountId: card.accountId, key: f.key })}
    >
      {text}
    </button>
  );
  const open = card.open;
  const closed = all ? card.closed : card.closed.slice(0, RECENT);

  return (
    <section className="panel card-panel" aria-label={title} data-testid="card-panel">
      <div className="panel-header">
        <h2>
          {title}
          {card.numberMasked && <span className="hint mono"> {card.numberMasked}</span>}
        </h2>
      </div>
      <BillsReadNote card={card} />
      {open && (
        <div className="open-fatura" data-testid="open-fatura">
          <div className="open-fatura-total">
            <span className="hint">{t('cards.openFaturaOf', { month: formatMonth(open.month, lng) })}</span>
            <strong data-testid="open-fatura-total">{money(open.total)}</strong>
            <span className="hint">{t('cards.transactionCount', { count: open.transactionCount })}</span>
          </div>
          <ul className="open-fatura-dates">
            {[closingText(open, t, lng), dueText(open, t, lng)].some(Boolean) ? (
              [closingText(open, t, lng), dueText(open, t, lng)]
                .filter((s): s is string => s !== null)
                .map((s) => (
                  <li key={s} data-testid="open-fatura-date">
                    {s}
                  </li>
                ))
            ) : (
              <li className="hint">{t('cards.noDates')}</li>
            )}
          </ul>
          <div className="open-fatura-actions">
            <button type="button" aria-expanded={opened === open.key} onClick={() => toggle(open)}>
              {opened === open.key ? t('cards.hide') : t('cards.open')}
            </button>
            {exportButton(open)}
          </div>
        </div>
      )}
      {open && opened === open.key && <FaturaDetail card={card} fatura={open} />}
      <AheadMonths
        label={t('cards.aheadCard')}
        months={card.ahead}
        currency={card.currencyCode}
        testId="card-ahead"
      />
      <PurchasesAhead purchases={card.purchases} currency={card.currencyCode} />
      <h3>{t('cards.closedFaturas')}</h3>
      {card.closed.length === 0 ? (
        <p className="hint">{t('cards.noClosed')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact closed-faturas" aria-label={t('cards.closedFaturas')}>
            <thead>
              <tr>
                <th>{t('cards.month')}</th>
                <th>{t('cards.due')}</th>
                <th className="num">{t('cards.total')}</th>
                <th className="num">{t('cards.paid')}</th>
                <th>{t('cards.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {closed.map((f) => (
                <Fragment key={f.key}>
                  <tr data-testid="closed-fatura" data-bill-id={f.billId ?? undefined}>
                    <td>{formatMonthShort(f.month, lng)}</td>
                    <td>{f.dueDate ? formatDate(f.dueDate, lng) : '—'}</td>
                    <td className="num" data-testid="closed-fatura-total">
                      {money(f.total)}
                    </td>
                    <td className="num">{money(f.paid)}</td>
                    <td>
                      <StateBadge state={f.state} />
                    </td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={opened === f.key}
                          onClick={() => toggle(f)}
                        >
                          {opened === f.key ? t('cards.hide') : t('cards.open')}
                        </button>
                        {exportButton(f, 'CSV')}
                      </div>
                    </td>
                  </tr>
                  {opened === f.key && (
                    <tr>
                      <td colSpan={6}>
                        <FaturaDetail card={card} fatura={f} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {card.closed.length > RECENT && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? t('cards.showFewer') : t('cards.showMore', { count: card.closed.length - RECENT })}
        </button>
      )}
    </section>
  );
}

function BillsReadNote({ card }: { card: CardView }) {
  const { t, i18n } = useTranslation();
  if (card.billsErrorCode !== null) {
    return (
      <p className="warn-text" role="note" data-testid="bills-read-note">
        {card.billsReadAt
          ? t('cards.billsFailedSince', { when: formatDate(card.billsReadAt, i18n.language) })
          : t('cards.billsFailed')}
      </p>
    );
  }
  if (card.billsReadAt === null) {
    return (
      <p className="hint" data-testid="bills-read-note">
        {t('cards.billsNeverRead')}
      </p>
    );
  }
  return null;
}
