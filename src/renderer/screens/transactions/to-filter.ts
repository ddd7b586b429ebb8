// The filter form as the contract's TransactionFilter: empty fields left out, numbers parsed, text trimmed.
import type { TransactionFilter } from '../../../shared/contract';
import { toCentavos } from '../../../shared/money';
import type { FilterForm } from './TransactionFilters';

/** The typed amount in reais as centavos (the contract's unit). */
function amount(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 && value < 1e12 ? toCentavos(value) : undefined;
}

export function toFilter(form: FilterForm): TransactionFilter {
  const filter: TransactionFilter = {};
  if (form.accountId) filter.accountIds = [form.accountId];
  if (form.dateFrom) filter.dateFrom = form.dateFrom;
  if (form.dateTo) filter.dateTo = form.dateTo;
  const min = amount(form.amountMin);
  const max = amount(form.amountMax);
  if (min !== undefined) filter.amountMin = min;
  if (max !== undefined) filter.amountMax = max;
  if (form.type) filter.type = form.type;
  if (form.status) filter.status = form.status;
  if (form.category) filter.categories = [form.category];
  const text = form.text.trim().slice(0, 200);
  if (text) filter.text = text;
  return filter;
}
