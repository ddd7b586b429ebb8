// Handlers of settings.*: the client secret is write-only; the renderer only learns whether one is set.
import type { Settings } from '../../shared/contract';
import type { Handlers } from '../router/router';
import type { CoreContext } from '../core-context';
import { appendAudit } from '../audit/append';
import { CLIENT_SECRET_NAME } from '../settings/settings-file';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.update'>;

export interface StartupConfig {
  /** PLUGGY_CLIENT_ID/SECRET came from the environment (they win over saved settings). */
  envCredentials: boolean;
  /** The client id this session runs with, if any. */
  clientId: string | null;
}

export function settingsHandlers(ctx: CoreContext, startup: StartupConfig): SettingsHandlers {
  async function current(): Promise<Settings> {
    const s = ctx.settings.read();
    const secret = await ctx.keyStore.getSecret(CLIENT_SECRET_NAME);
    const secretSet = secret !== null && secret !== '';
    const wantsDemo = s.demoMode || (!startup.envCredentials && (!s.pluggyClientId || !secretSet));
    const wantsClientId = startup.envCredentials ? startup.clientId : s.pluggyClientId;
    return {
      pluggy: { clientId: s.pluggyClientId, clientSecretSet: secretSet },
      demoMode: ctx.mode === 'demo',
      relay: { url: s.relayUrl, paired: (ctx.relay()?.status().state ?? 'unpaired') !== 'unpaired' },
      syncIntervalMinutes: s.syncIntervalMinutes,
      notifications: s.notifications,
      restartRequired:
        wantsDemo !== (ctx.mode === 'demo') || (!wantsDemo && wantsClientId !== startup.clientId),
    };
  }

  return {
    'settings.get': current,
    'settings.update': async (update) => {
      const patch: Parameters<typeof ctx.settings.update>[0] = {};
      if (update.pluggy?.clientId !== undefined) patch.pluggyClientId = update.pluggy.clientId;
      if (update.demoMode !== undefined) patch.demoMode = update.demoMode;
      if (update.syncIntervalMinutes !== undefined) patch.syncIntervalMinutes = update.syncIntervalMinutes;
      if (update.notifications !== undefined) patch.notifications = update.notifications;
      ctx.settings.update(patch);
      if (update.pluggy?.clientSecret !== undefined) {
        await ctx.keyStore.setSecret(CLIENT_SECRET_NAME, update.pluggy.clientSecret ?? '');
      }
      appendAudit(ctx.db(), {
        actor: 'user',
        action: 'settings.updated',
        outcome: 'success',
        // Names of what changed; the secret's value never, only that it was set or cleared.
        details: {
          changed: [
            ...Object.keys(patch),
            ...(update.pluggy?.clientSecret !== undefined
              ? [update.pluggy.clientSecret === null ? 'clientSecret.cleared' : 'clientSecret.set']
              : []),
          ],
        },
      });
      return current();
    },
  };
}
