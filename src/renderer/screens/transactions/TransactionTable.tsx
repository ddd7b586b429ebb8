// The virtualized transaction list: only the rows on screen are in the DOM; the next keyset page loads
// as the user nears the end, so 100k rows scroll like 100.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransactionView } from '../../../shared/contract';
import { formatDate, formatMoney } from '../../format';
import { MoveBadge } from '../transfers/MoveBadge';
import { useCategoryName } from './category-name';

const ROW_HEIGHT = 44;
const LOAD_AHEAD = 30;

export interface TransactionTableProps {
  rows: TransactionView[];
  total: number | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  accountName: (id: string) => string;
  /** The account's currency: a foreign purchase is shown in it (US$ 15.53 → R$ 88.52). */
  accountCurrency?: (id: string) => string;
  /** Opens a row's detail panel. */
  onOpen?: (id: string) => void;
}

export function TransactionTable({
  rows,
  total,
  hasMore,
  loadingMore,
  onLoadMore,
  accountName,
  accountCurrency = () => 'BRL',
  onOpen,
}: TransactionTableProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const categoryName = useCategoryName();
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.length + (hasMore ? 1 : 0);
  // TanStack Virtual hands back functions the React Compiler cannot memoise; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && last >= rows.length - LOAD_AHEAD) onLoadMore();
  }, [hasMore, loadingMore, last, rows.length, onLoadMore]);

  return (
    <div
      className="tx-table"
      role="table"
      aria-label={t('transactions.tableLabel')}
      aria-rowcount={(total ?? rows.length) + 1}
      data-testid="transaction-table"
    >
      <div className="tx-row tx-head" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('transactions.date')}</span>
        <span role="columnheader">{t('transactions.description')}</span>
        <span role="columnheader">{t('transactions.category')}</span>
        <span role="columnheader">{t('transactions.account')}</span>
        <span role="columnheader" className="num">
          {t('transactions.amount')}
        </span>
      </div>
      <div ref={scroller} className="tx-scroller" data-testid="transaction-scroller" tabIndex={0}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const tx = rows[item.index];
            const style = { transform: `translateY(${item.start}px)`, height: item.size };
            if (!tx) {
              return (
                <div key="more" className="tx-row tx-loading" role="row" style={style}>
                  <span role="cell">{t('common.loading')}</span>
                </div>
              );
            }
            const pending = tx.status === 'PENDING';
            const who = tx.counterpartyName ?? tx.merchantName;
            // Already in Cofre's convention (money out negative on every account type), in centavos.
            const foreign = tx.amountInAccountCurrency !== null;
            const signed = tx.amountInAccountCurrency ?? tx.amount;
            const currency = foreign ? accountCurrency(tx.accountId) : (tx.currencyCode ?? 'BRL');
            return (
              <div
                key={tx.id}
                className={`tx-row ${pending ? 'tx-pending' : ''} ${tx.ignored ? 'tx-ignored' : ''} ${onOpen ? 'tx-openable' : ''}`}
                role="row"
                aria-rowindex={item.index + 2}
                style={style}
                data-testid="transaction-row"
                tabIndex={onOpen ? 0 : undefined}
                aria-label={onOpen ? t('edits.open', { description: tx.description }) : undefined}
                onClick={onOpen ? () => onOpen(tx.id) : undefined}
                onKeyDown={
                  onOpen
                    ? (e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onOpen(tx.id);
                        }
                      }
                    : undefined
                }
              >
                <span role="cell">{formatDate(tx.date, lng)}</span>
                <span role="cell" className="tx-desc">
                  <span className="tx-title">{tx.description}</span>
                  {/* Before the counterparty: a narrow window cuts the cell's end, never this. */}
                  <MoveBadge tx={tx} />
                  {who && who !== tx.description && <span className="hint"> · {who}</span>}
                  {tx.installmentNumber !== null &&
                    tx.totalInstallments !== null &&
                    tx.totalInstallments > 1 && (
                      <span className="badge badge-info" title={t('transactions.installment')}>
                        {tx.installmentNumber}/{tx.totalInstallments}
                      </span>
                    )}
                  {pending && <span className="badge badge-warning">{t('transactions.pendingBadge')}</span>}
                  {tx.ignored && <span className="badge">{t('edits.ignoredBadge')}</span>}
                </span>
                <span role="cell" data-testid="transaction-category">
                  {tx.personCategory !== null ? (
                    <>
                      {categoryName(tx.personCategory)}
                      {tx.personCategory !== tx.category && (
                        <span
                          className="hint tx-bank-category"
                          title={`${t('edits.bankCategory')}: ${categoryName(tx.category)}`}
                        >
                          {' '}
                          ({categoryName(tx.category)})
                        </span>
                      )}
                    </>
                  ) : (
                    categoryName(tx.category)
                  )}
                </span>
                <span role="cell" className="hint">
                  {accountName(tx.accountId)}
                </span>
                <span role="cell" className={`num ${signed < 0 ? 'bad' : 'ok'}`}>
                  <span data-testid="transaction-amount">{formatMoney(signed, currency, lng)}</span>
                  {foreign && (
                    <span className="hint tx-foreign">
                      {' '}
                      {t('transactions.foreignAmount', {
                        amount: formatMoney(Math.abs(tx.amount), tx.currencyCode ?? 'USD', lng),
                      })}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
