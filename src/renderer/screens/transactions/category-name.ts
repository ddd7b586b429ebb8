// Pluggy's category names (English) in the user's language; unknown ones are shown as Pluggy sent them.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** One category's name; a person's own category ("Comer fora") is its own name. */
export function categoryLabel(t: TFunction, category: string | null): string {
  if (category === null) return t('transactions.uncategorised');
  if (category.includes('.')) return category;
  return t(`categories.${category}`, { defaultValue: category, nsSeparator: false });
}

export function useCategoryName(): (category: string | null) => string {
  const { t } = useTranslation();
  return (category) => categoryLabel(t, category);
}

/**
 * What the person typed back to a category: a known category's name in their language ("Supermercado")
 * is stored as the bank's ("Groceries"), so their rows group with the bank's; anything else as typed.
 */
export function categoryFromName(
  typed: string,
  categories: readonly string[],
  name: (category: string) => string,
): string | null {
  const text = typed.trim();
  if (text === '') return null;
  return categories.find((c) => name(c) === text) ?? text;
}
