// Makes the typed client available to every screen, and lets tests hand in their own.
import { createContext, useContext, type ReactNode } from 'react';
import type { CofreClient } from './create-client';

const ClientContext = createContext<CofreClient | null>(null);

export function ClientProvider({ client, children }: { client: CofreClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): CofreClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}
