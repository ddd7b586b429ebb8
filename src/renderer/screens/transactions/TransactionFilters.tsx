// The transaction filters: account, dates, amount, direction, pending/posted, category, and text search.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/contract';
import { onShortcut, takeSearchRequest } from '../../app/shortcut-bus';
import { accountLabel } from '../../account-label';
import { AmountField } from '../../components/AmountField';
import { DateRangeFields } from '../../components/DateField';
import { useCategoryName } from './category-name';

export interface FilterForm {
  accountId: string;
  dateFrom: string;
  dateTo: string;
  amountMin: string;
  amountMax: string;
  type: '' | 'DEBIT' | 'CREDIT';
  status: '' | 'POSTED' | 'PENDING';
  category: string;
  text: string;
}

export const EMPTY_FILTER: FilterForm = {
  accountId: '',
  dateFrom: '',
  dateTo: '',
  amountMin: '',
  amountMax: '',
  type: '',
  status: '',
  category: '',
  text: '',
};

export interface TransactionFiltersProps {
  value: FilterForm;
  onChange: (next: FilterForm) => void;
  accounts: AccountView[];
  categories: string[];
}

export function TransactionFilters({ value, onChange, accounts, categories }: TransactionFiltersProps) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (takeSearchRequest()) search.current?.focus();
    return onShortcut('search', () => search.current?.focus());
  }, []);
  // Clearing remounts the date fields: a half-typed or impossible date is cleared with the rest.
  const [cleared, setCleared] = useState(0);
  const set = <K extends keyof FilterForm>(key: K, v: FilterForm[K]) => onChange({ ...value, [key]: v });
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="filter-search">
        {t('transactions.search')}
        <input
          ref={search}
          type="search"
          value={value.text}
          placeholder={t('transactions.searchPlaceholder')}
          onChange={(e) => set('text', e.target.value)}
          data-testid="transaction-search"
        />
      </label>
      <label>
        {t('transactions.account')}
        <select value={value.accountId} onChange={(e) => set('accountId', e.target.value)}>
          <option value="">{t('transactions.allAccounts')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {accountLabel(a)}
            </option>
          ))}
        </select>
      </label>
      <DateRangeFields
        from={value.dateFrom}
        to={value.dateTo}
        onChange={set}
        resetKey={cleared}
        testIds={{ from: 'date-from', to: 'date-to' }}
      />
      <AmountField
        label={t('transactions.amountMin')}
        value={value.amountMin}
        onChange={(v) => set('amountMin', v)}
        testId="amount-min"
      />
      <AmountField
        label={t('transactions.amountMax')}
        value={value.amountMax}
        onChange={(v) => set('amountMax', v)}
        testId="amount-max"
      />
      <label>
        {t('transactions.direction')}
        <select value={value.type} onChange={(e) => set('type', e.target.value as FilterForm['type'])}>
          <option value="">{t('transactions.any')}</option>
          <option value="DEBIT">{t('transactions.debit')}</option>
          <option value="CREDIT">{t('transactions.credit')}</option>
        </select>
      </label>
      <label>
        {t('transactions.status')}
        <select
          value={value.status}
          onChange={(e) => set('status', e.target.value as FilterForm['status'])}
          data-testid="status-filter"
        >
          <option value="">{t('transactions.any')}</option>
          <option value="POSTED">{t('transactions.posted')}</option>
          <option value="PENDING">{t('transactions.pending')}</option>
        </select>
      </label>
      <label>
        {t('transactions.category')}
        <select value={value.category} onChange={(e) => set('category', e.target.value)}>
          <option value="">{t('transactions.allCategories')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryName(c)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setCleared((n) => n + 1);
          onChange(EMPTY_FILTER);
        }}
      >
        {t('transactions.clearFilters')}
      </button>
    </form>
  );
}
