// The KeyStore contract: where the DB key and app secrets (e.g. the Pluggy client secret) come from.

/**
 * Implemented for Node by the env-var, key-file and passphrase stores here, and for Electron by a
 * safeStorage store in electron/. Values never reach a log or an error message.
 */
export interface KeyStore {
  /** The 32-byte DB key; created and persisted on first call where the store can persist one. */
  getOrCreateKey(): Promise<Buffer>;
  /** A named secret, or null when never set. */
  getSecret(name: string): Promise<string | null>;
  setSecret(name: string, value: string): Promise<void>;
}
