// The shell: navigation on the left, the current screen on the right.
import { useTranslation } from 'react-i18next';
import { DiagnosticsScreen } from '../screens/diagnostics/DiagnosticsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ROUTES, useHashRoute, type Route } from './routes';

const SCREENS: Record<Route, () => React.JSX.Element> = {
  diagnostics: DiagnosticsScreen,
  settings: SettingsScreen,
};

export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const Screen = SCREENS[route];
  return (
    <div className="layout">
      <nav aria-label={t('nav.label')} className="sidebar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <ul>
          {ROUTES.map((name) => (
            <li key={name}>
              <a href={`#/${name}`} aria-current={route === name ? 'page' : undefined}>
                {t(`nav.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Screen />
      </main>
    </div>
  );
}
