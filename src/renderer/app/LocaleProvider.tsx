// react-aria's inputs (dates, amounts) follow the app's language, not the browser's: pt-BR or US English.
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** The full locale react-aria formats and parses with, for the app's language. */
export function ariaLocale(language: string): string {
  return language === 'en' ? 'en-US' : 'pt-BR';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <I18nProvider locale={ariaLocale(i18n.language)}>{children}</I18nProvider>;
}
