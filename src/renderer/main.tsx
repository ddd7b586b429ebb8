// Renderer entry: i18n, theme, TanStack Query and the typed client, then the app.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LocaleProvider } from './app/LocaleProvider';
import { StartupGate } from './app/StartupGate';
import { applyTheme, storedTheme } from './app/theme';
import { ClientProvider } from './client/client-context';
import { clientFromWindow } from './client/create-client';
import { setupI18n } from './i18n';
import './styles.css';
import './system.css';
import './security.css';
import './connections.css';
import './screens/edits/edits.css';
import './screens/ledger/ledger.css';
import './screens/bills/bills.css';
import './screens/transfers/transfers.css';
import './screens/consents/consents.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

await setupI18n();
applyTheme(storedTheme());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={clientFromWindow()}>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <StartupGate>
            <App />
          </StartupGate>
        </LocaleProvider>
      </QueryClientProvider>
    </ClientProvider>
  </StrictMode>,
);
