// Settings as the renderer sees them: secrets are write-only (the UI learns only that one is set).
import { z } from 'zod';
import { call, event, NoInput } from '../define';

export const Settings = z.object({
  pluggy: z.object({
    clientId: z.string().nullable(),
    clientSecretSet: z.boolean(),
  }),
  demoMode: z.boolean(),
  relay: z.object({
    url: z.string().nullable(),
    paired: z.boolean(),
  }),
  syncIntervalMinutes: z.number().int(),
  notifications: z.boolean(),
  /** Saved Pluggy or demo settings differ from what this session runs with: they apply after a restart. */
  restartRequired: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = z
  .object({
    pluggy: z
      .object({
        clientId: z.uuid().nullable().optional(),
        /** Write-only; null removes it. */
        clientSecret: z.string().min(1).max(500).nullable().optional(),
      })
      .strict()
      .optional(),
    demoMode: z.boolean().optional(),
    syncIntervalMinutes: z
      .number()
      .int()
      .min(15)
      .max(24 * 60)
      .optional(),
    notifications: z.boolean().optional(),
  })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export const settingsCalls = {
  'settings.get': call(NoInput, Settings),
  'settings.update': call(SettingsUpdate, Settings),
};

export const RelayStatusView = z.object({
  /** `unpaired` until the user pairs a relay; `offline` means Cofre polls Pluggy itself meanwhile. */
  state: z.enum(['unpaired', 'connecting', 'connected', 'polling', 'offline']),
  url: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The relay's operator should rotate its webhook secret (over 90 days old); the relay says only that. */
  rotationDue: z.boolean(),
});
export type RelayStatusView = z.infer<typeof RelayStatusView>;

export const relayCalls = {
  /** Registers this device at a relay (the admin token is used once and never stored). */
  'relay.pair': call(
    z
      .object({ url: z.url({ protocol: /^https?$/ }).max(500), adminToken: z.string().min(1).max(500) })
      .strict(),
    RelayStatusView,
  ),
  'relay.unpair': call(NoInput, RelayStatusView),
  'relay.status': call(NoInput, RelayStatusView),
};

export const relayEvents = {
  'relay.changed': event(RelayStatusView),
};
