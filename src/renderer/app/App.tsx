// The shell: navigation on the left, the current screen on the right, notices, toasts and shortcuts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client/client-context';
import { useLiveEvents } from '../client/live-events';
import { keys } from '../client/query-keys';
import { NoticeBell } from '../components/NoticeBell';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { Toasts } from '../components/Toasts';
import { AccountsScreen } from '../screens/accounts/AccountsScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { CardsScreen } from '../screens/bills/CardsScreen';
import { InvestmentsScreen } from '../screens/investments/InvestmentsScreen';
import { ConnectionsScreen } from '../screens/connections/ConnectionsScreen';
import { DiagnosticsScreen } from '../screens/diagnostics/DiagnosticsScreen';
import { ReviewScreen } from '../screens/review/ReviewScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { TransactionsScreen } from '../screens/transactions/TransactionsScreen';
import { showToast } from '../state/ui-state';
import { showSyncAllToast } from '../screens/connections/sync-all-toast';
import { ROUTES, useHashRoute, type Route } from './routes';
import { useShortcuts } from './use-shortcuts';

const SCREENS: Record<Route, () => React.JSX.Element> = {
  connections: ConnectionsScreen,
  accounts: AccountsScreen,
  investments: InvestmentsScreen,
  cards: CardsScreen,
  transactions: TransactionsScreen,
  audit: AuditScreen,
  review: ReviewScreen,
  settings: SettingsScreen,
  diagnostics: DiagnosticsScreen,
};

export function App() {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const route = useHashRoute();
  const [help, setHelp] = useState(false);
  useLiveEvents();
  const info = useQuery({ queryKey: keys.appInfo, queryFn: () => client.invoke('app.info', {}) });
  const syncAll = useMutation({
    mutationFn: () => client.invoke('connections.syncAll', {}),
    onSuccess: (result) => showSyncAllToast(result),
    onError: () => showToast({ level: 'error', messageKey: 'errors.sync_failed', params: {} }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.connections }),
  });
  const syncAllMutate = syncAll.mutate;
  const onSync = useCallback(() => syncAllMutate(), [syncAllMutate]);
  const onHelp = useCallback(() => setHelp(true), []);
  useShortcuts({ route, onSync, onHelp });
  const Screen = SCREENS[route];
  return (
    <div className="layout">
      <nav aria-label={t('nav.label')} className="sidebar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
          {info.data?.mode === 'demo' && (
            <span className="badge badge-info" data-testid="demo-badge">
              {t('mode.demo')}
            </span>
          )}
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
        <div className="sidebar-footer">
          <NoticeBell />
          <button type="button" className="link-button" onClick={onHelp}>
            {t('shortcuts.open')}
          </button>
        </div>
      </nav>
      <main className="content">
        <Screen />
      </main>
      <Toasts />
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}
