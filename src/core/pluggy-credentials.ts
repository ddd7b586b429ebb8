// Where live mode's Pluggy credentials come from: the environment first, else Settings and the KeyStore.
import type { PluggyConfig } from './core-context';
import type { KeyStore } from './secrets';
import { CLIENT_SECRET_NAME, openSettingsFile } from './settings/settings-file';

export const PLUGGY_API_URL = 'https://api.pluggy.ai';

export interface ResolvedCredentials {
  config: PluggyConfig | null;
  fromEnv: boolean;
  /** The user switched demo mode on in Settings even though credentials exist. */
  demoPreferred: boolean;
}

export async function resolvePluggyCredentials(
  env: NodeJS.ProcessEnv,
  settingsFile: string,
  keyStore: KeyStore,
): Promise<ResolvedCredentials> {
  const baseUrl = env['PLUGGY_BASE_URL'] || PLUGGY_API_URL;
  const settings = openSettingsFile(settingsFile).read();
  const clientId = env['PLUGGY_CLIENT_ID'];
  const clientSecret = env['PLUGGY_CLIENT_SECRET'];
  if (clientId && clientSecret) {
    return { config: { baseUrl, clientId, clientSecret }, fromEnv: true, demoPreferred: settings.demoMode };
  }
  const savedSecret = await keyStore.getSecret(CLIENT_SECRET_NAME);
  if (settings.pluggyClientId && savedSecret) {
    return {
      config: { baseUrl, clientId: settings.pluggyClientId, clientSecret: savedSecret },
      fromEnv: false,
      demoPreferred: settings.demoMode,
    };
  }
  return { config: null, fromEnv: false, demoPreferred: settings.demoMode };
}
