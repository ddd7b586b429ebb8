// Settings: language and theme (kept on this computer), then the core's settings (Pluggy, sync, relay).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyTheme, storedTheme, THEMES, type Theme } from '../../app/theme';
import { changeLanguage, LANGUAGES, type Language } from '../../i18n';
import { BackupSettings } from './BackupSettings';
import { PluggySettings } from './PluggySettings';

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useState<Theme>(storedTheme);

  return (
    <section aria-labelledby="settings-title" className="screen">
      <header className="screen-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="settings-grid">
        <form className="form" aria-labelledby="appearance-title" onSubmit={(e) => e.preventDefault()}>
          <h2 id="appearance-title">{t('settings.appearance')}</h2>
          <label>
            {t('settings.language')}
            <select
              value={i18n.language}
              onChange={(e) => void changeLanguage(e.target.value as Language)}
              data-testid="language-select"
            >
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng}>
                  {t(`settings.languages.${lng}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settings.theme')}
            <select
              value={theme}
              onChange={(e) => {
                const next = e.target.value as Theme;
                setTheme(next);
                applyTheme(next);
              }}
            >
              {THEMES.map((name) => (
                <option key={name} value={name}>
                  {t(`settings.themes.${name}`)}
                </option>
              ))}
            </select>
          </label>
        </form>
        <PluggySettings />
        <BackupSettings />
      </div>
    </section>
  );
}
