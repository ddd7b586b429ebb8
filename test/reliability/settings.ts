// Fast settings inside `npm test`, full ones under `npm run soak` (COFRE_SOAK=full).
export const FULL = process.env['COFRE_SOAK'] === 'full';
export const MODE: 'fast' | 'full' = FULL ? 'full' : 'fast';

export const SETTINGS = {
  /** Seeded fault-soak runs (connect + several re-syncs each). */
  soakRuns: FULL ? 100 : 20,
  /** Re-syncs per soak run after the first sync. */
  soakResyncs: FULL ? 4 : 2,
  /** Transactions per checking/card account in a soak run. */
  soakTransactions: FULL ? 400 : 120,
  /** SIGKILLs of the syncing child process. */
  crashKills: FULL ? 20 : 5,
  /** Transactions per account of the crash test's large item. */
  crashTransactions: FULL ? 2_500 : 1_500,
  /** SIGKILLs of a child converting an old-scheme DB to AEGIS. */
  conversionKills: FULL ? 20 : 6,
  /** Relay SIGKILL/restart cycles while webhooks arrive. */
  relayKills: FULL ? 4 : 2,
  /** Item refreshes (each sends several webhooks) per relay cycle. */
  relayRefreshesPerCycle: FULL ? 6 : 3,
} as const;
