// Health, Prometheus metrics, rate limits per IP and per device, and logs that never carry a secret.
import { describe, expect, it } from 'vitest';
import { createRelayLogger } from '../../src/relay';
import {
  ADMIN_TOKEN,
  SECRET_NEW,
  SECRET_OLD,
  STORE_KINDS,
  itemEvent,
  newLocation,
  openSse,
  poll,
  postWebhook,
  registerDevice,
  startTestRelay,
  useRelayCleanup,
} from './harness';

useRelayCleanup();

function captureLogs(level = 'trace') {
  const lines: string[] = [];
  const logger = createRelayLogger({
    level,
    secretHeader: 'x-hook-key',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, text: () => lines.join('') };
}

describe.each(STORE_KINDS)('operations (%s store)', (kind) => {
  it('answers /healthz and counts received, rejected and delivered events on /metrics', async () => {
    const { url } = await startTestRelay(await newLocation(kind));
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, store: kind });
    const device = await registerDevice(url);
    await postWebhook(url, itemEvent({ clientUserId: device.deviceId }));
    await postWebhook(url, itemEvent({ event: 'brand/new', clientUserId: device.deviceId }));
    await postWebhook(url, itemEvent(), { 'x-cofre-secret': 'wrong-secret-wrong-secret' });
    await postWebhook(url, '{not json');
    await postWebhook(url, { event: 'item/updated', eventId: 'x', padding: 'x'.repeat(300_000) });
    await poll(url, device.token);
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('relay_webhooks_received_total{known="true"} 1');
    expect(text).toContain('relay_webhooks_received_total{known="false"} 1');
    expect(text).toContain('relay_webhooks_rejected_total{reason="unauthorized"} 1');
    expect(text).toContain('relay_webhooks_rejected_total{reason="malformed"} 1');
    expect(text).toContain('relay_webhooks_rejected_total{reason="too_large"} 1');
    expect(text).toContain('relay_events_delivered_total{transport="poll"} 2');
    expect(text).toContain('relay_delivery_lag_seconds_count 2');
  });

  it('limits requests per IP, webhooks per source IP, and requests per device', async () => {
    const { url } = await startTestRelay(await newLocation(kind), {
      rateLimitIp: 7,
      rateLimitHooks: 3,
      rateLimitDevice: 3,
    });
    const hookStatuses: number[] = [];
    for (let i = 0; i < 4; i += 1) hookStatuses.push((await postWebhook(url, itemEvent())).status);
    expect(hookStatuses).toEqual([200, 200, 200, 429]);

    const a = await registerDevice(url);
    const b = await registerDevice(url);
    const pollStatus = async (token: string) =>
      (await fetch(`${url}/v1/events?wait=0`, { headers: { authorization: `Bearer ${token}` } })).status;
    const aStatuses = [await pollStatus(a.token), await pollStatus(a.token), await pollStatus(a.token)];
    expect(aStatuses).toEqual([200, 200, 200]);
    expect(await pollStatus(a.token)).toBe(429);
    // Device B has its own budget, but the IP has spent 7 of 7 (2 registrations, 4 polls by A, 1 by B).
    expect(await pollStatus(b.token)).toBe(200);
    expect(await pollStatus(b.token)).toBe(429);
    const limited = await fetch(`${url}/metrics`);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('never writes a secret, a token or a channel id to the log', async () => {
    const logs = captureLogs();
    const { url } = await startTestRelay(
      await newLocation(kind),
      { secretHeader: 'x-hook-key', logLevel: 'trace' },
      { logger: logs.logger },
    );
    const device = await registerDevice(url);
    const channelPath = new URL(device.channelUrl).pathname;
    const channel = channelPath.split('/').pop() ?? '';
    await postWebhook(url, itemEvent({ clientUserId: device.deviceId }), { 'x-hook-key': SECRET_NEW });
    await postWebhook(url, itemEvent(), { 'x-hook-key': SECRET_OLD });
    await postWebhook(url, itemEvent(), { 'x-hook-key': 'a-wrong-secret-value-123' });
    await postWebhook(url, itemEvent(), {}, channelPath);
    await postWebhook(url, '{broken', {}, channelPath);
    await poll(url, device.token);
    const stream = await openSse(url, device.token);
    await stream.waitFor(2);
    stream.close();
    logs.logger.info(
      { headers: { authorization: `Bearer ${device.token}`, 'x-hook-key': SECRET_NEW }, token: device.token },
      'direct',
    );
    const text = logs.text();
    expect(text).toContain('/hooks/pluggy/[channel]');
    expect(text).toContain('device registered');
    for (const secret of [
      SECRET_NEW,
      SECRET_OLD,
      ADMIN_TOKEN,
      device.token,
      channel,
      'a-wrong-secret-value',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
