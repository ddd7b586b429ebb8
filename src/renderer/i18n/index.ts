// i18next set up with pt-BR as the default and English available; the choice persists in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ptBR } from './pt-BR';

export const LANGUAGES = ['pt-BR', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'cofre.language';

export function storedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'pt-BR';
}

export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { 'pt-BR': { translation: ptBR }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
