// What every handler group shares: the DB (or why it could not open), the Pluggy client, the sync engine.
import type { AppMode, AppInfo } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { SleepClock } from './clock';
import type { EventBus } from './events/event-bus';
import type { Logger } from './logging/logger';
import type { DataPaths } from './paths/data-dir';
import type { PluggyClient } from './pluggy';
import type { KeyStore } from './secrets';
import type { SettingsFile } from './settings/settings-file';
import type { Db } from './store/db';
import type { SyncEngine } from './sync/sync-engine';
import type { RelayLink } from './relay-client/relay-link';
import type { ConnectSessions } from './connections/connect-sessions';

export interface PluggyConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface CoreContext {
  mode: AppMode;
  host: AppInfo['host'];
  version: string;
  paths: DataPaths;
  logger: Logger;
  clock: SleepClock;
  events: EventBus;
  keyStore: KeyStore;
  settings: SettingsFile;
  /** The open DB; throws the AppError that kept it closed (wrong key, corrupt, from the future). */
  db(): Db;
  /** The Pluggy client; throws `not_configured` when there are no credentials. */
  pluggy(): PluggyClient;
  engine(): SyncEngine;
  /** The Connect page for demo mode (the sandbox's); null with real credentials (Pluggy's widget). */
  connectUrl: string | null;
  connectSessions: ConnectSessions;
  /** Where the host serves a Connect session (`/connect-frame/` in the browser host). */
  connectFramePrefix: string;
  oauthRedirectUri: string | null;
  /** The paired relay, if any (null until the DB is open). */
  relay(): RelayLink | null;
  /** A connector's logo as a data: URL once it is kept in the DB (never a remote URL); null meanwhile. */
  bankLogo(imageUrl: string | null): string | null;
  /** This installation's id: the `clientUserId` of its items, so the relay can route their webhooks. */
  deviceId: string;
}

export function notConfigured(): AppError {
  return new AppError(
    'not_configured',
    'Pluggy credentials are not set: add them in Settings, or use demo mode.',
  );
}
