// Pluggy's category names (English) in the user's language; unknown ones are shown as Pluggy sent them.
import { useTranslation } from 'react-i18next';

export function useCategoryName(): (category: string | null) => string {
  const { t } = useTranslation();
  return (category) => {
    if (category === null) return t('transactions.uncategorised');
    if (category.includes('.')) return category;
    return t(`categories.${category}`, { defaultValue: category, nsSeparator: false });
  };
}
