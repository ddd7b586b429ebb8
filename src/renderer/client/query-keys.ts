// One place for the TanStack Query keys, so events invalidate exactly what they change.
export const keys = {
  connections: ['connections'] as const,
  accounts: ['accounts'] as const,
  investments: ['investments'] as const,
  bills: ['bills'] as const,
  consents: ['consents'] as const,
  transactions: ['transactions'] as const,
  categories: ['categories'] as const,
  charts: ['charts'] as const,
  audit: ['audit'] as const,
  notices: ['notices'] as const,
  syncRuns: ['syncRuns'] as const,
  settings: ['settings'] as const,
  health: ['health'] as const,
  database: ['database'] as const,
  relay: ['relay'] as const,
  appInfo: ['appInfo'] as const,
};

/** Everything a finished sync or a changed link can change. */
export const DATA_KEYS = [
  keys.connections,
  keys.accounts,
  keys.investments,
  keys.bills,
  keys.consents,
  keys.transactions,
  keys.categories,
  keys.charts,
  keys.audit,
  keys.notices,
  keys.syncRuns,
  keys.health,
  keys.database,
];
