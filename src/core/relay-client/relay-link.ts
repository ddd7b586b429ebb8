// The core's link to a paired relay: pairing, the device token in the KeyStore, the client's lifecycle.
import type { RelayStatusView } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/append';
import type { CoreContext } from '../core-context';
import { deleteAppState, getAppState, listConnections, setAppState } from '../store';
import { registerDevice, setDeviceItems } from './relay-api';
import { createRelayClient, type RelayClient } from './relay-client';
import { ROTATION_CHECK_MS, createRotationCheck } from './rotation-check';

const TOKEN_SECRET = 'relay.deviceToken';
const CURSOR_KEY = 'relay.cursor';
const CHANNEL_KEY = 'relay.channelUrl';

export interface RelayLink {
  start(): Promise<void>;
  pair(url: string, adminToken: string): Promise<RelayStatusView>;
  unpair(): Promise<RelayStatusView>;
  status(): RelayStatusView;
  /** The item webhook URL for new connect tokens, when paired. */
  channelUrl(): string | null;
  /** Tells the relay which items and connectors are ours (transactions/* and connector events name only those). */
  syncItems(): Promise<void>;
  /** True while events flow: the scheduler may then poll Pluggy less often. */
  live(): boolean;
  /** Asks the relay whether its webhook secret is due for rotation (also at connect and every 6 hours). */
  checkRotation(): Promise<boolean>;
  stop(): Promise<void>;
}

export function createRelayLink(
  ctx: CoreContext,
  deliver: (payload: unknown, eventId: string) => Promise<unknown>,
): RelayLink {
  let client: RelayClient | null = null;
  let token: string | null = null;
  let rotationTimer: ReturnType<typeof setInterval> | null = null;

  const view = (): RelayStatusView => {
    const url = ctx.settings.read().relayUrl;
    if (!client || !url) {
      return { state: 'unpaired', url: null, lastEventAt: null, lastError: null, rotationDue: false };
    }
    return { ...client.status(), url, rotationDue: rotation.due() };
  };
  const rotation = createRotationCheck(ctx, () => ctx.events.emit('relay.changed', view()));
  const checkRotation = async () => {
    const url = ctx.settings.read().relayUrl;
    return url && token ? rotation.check({ url, token }) : false;
  };

  async function connect(url: string, deviceToken: string): Promise<void> {
    token = deviceToken;
    client = createRelayClient({
      endpoint: { url, token: deviceToken },
      loadCursor: () => getAppState<string>(ctx.db(), CURSOR_KEY),
      saveCursor: (cursor) => setAppState(ctx.db(), CURSOR_KEY, cursor),
      deliver,
      clock: ctx.clock,
      logger: ctx.logger,
      onStatus: () => ctx.events.emit('relay.changed', view()),
    });
    client.start();
    void checkRotation();
    rotationTimer = setInterval(() => void checkRotation(), ROTATION_CHECK_MS);
    rotationTimer.unref();
  }

  const link: RelayLink = {
    async start() {
      const url = ctx.settings.read().relayUrl;
      const saved = await ctx.keyStore.getSecret(TOKEN_SECRET);
      if (url && saved) await connect(url, saved);
    },
    async pair(url, adminToken) {
      await link.stop();
      const registration = await registerDevice(url, adminToken, `Cofre ${ctx.deviceId.slice(0, 8)}`);
      await ctx.keyStore.setSecret(TOKEN_SECRET, registration.token);
      ctx.settings.update({ relayUrl: url });
      const db = ctx.db();
      setAppState(db, CHANNEL_KEY, registration.channelUrl);
      deleteAppState(db, CURSOR_KEY);
      appendAudit(db, {
        actor: 'user',
        action: 'relay.paired',
        outcome: 'success',
        details: { url, deviceId: registration.deviceId },
      });
      await connect(url, registration.token);
      await link.syncItems();
      return view();
    },
    async unpair() {
      await link.stop();
      await ctx.keyStore.setSecret(TOKEN_SECRET, '');
      ctx.settings.update({ relayUrl: null });
      deleteAppState(ctx.db(), CHANNEL_KEY);
      appendAudit(ctx.db(), { actor: 'user', action: 'relay.unpaired', outcome: 'success', details: {} });
      ctx.events.emit('relay.changed', view());
      return view();
    },
    status: view,
    channelUrl: () => (client ? getAppState<string>(ctx.db(), CHANNEL_KEY) : null),
    async syncItems() {
      const url = ctx.settings.read().relayUrl;
      if (!url || !token) return;
      try {
        const connections = listConnections(ctx.db());
        await setDeviceItems(
          { url, token },
          connections.map((c) => c.id),
          // connector/status_updated names only the connector: the relay routes it by these.
          [...new Set(connections.map((c) => c.connectorId))],
        );
      } catch (error) {
        // Not fatal: item events still arrive on the channel URL; the next connect or start retries.
        ctx.logger.warn(
          { code: error instanceof AppError ? error.code : 'unknown' },
          'relay item list not updated',
        );
      }
    },
    live: () => client !== null && ['connected', 'polling'].includes(client.status().state),
    checkRotation,
    async stop() {
      if (rotationTimer) clearInterval(rotationTimer);
      rotationTimer = null;
      rotation.reset();
      await client?.stop();
      client = null;
      token = null;
    },
  };
  return link;
}
