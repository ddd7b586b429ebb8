// Hostile webhooks: a generated corpus of ≥ 200 malformed requests against the relay over HTTP. Each gets a
// 4xx, the relay keeps serving, and nothing reaches the device's inbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../../src/relay';
import { writeFigures } from './figures';
import { hostileWebhookCorpus } from './hostile-webhook-corpus';
import {
  RELAY_SECRET,
  SECRET_HEADER,
  pollEvents,
  registerDevice,
  relayDataDir,
  startInProcessRelay,
} from './relay-world';

const data = relayDataDir();
let relay: RunningRelay;
const figures = {
  malformedInputsTried: 0,
  answered400: 0,
  answered401: 0,
  answered413: 0,
  answeredOther4xx: 0,
};

beforeAll(async () => {
  relay = await startInProcessRelay(data.dir);
});
afterAll(async () => {
  await relay.close();
  data.remove();
  writeFigures('hostileWebhooks', figures);
});

describe('hostile webhooks against the relay', () => {
  it('answers every malformed request with a 4xx and stores nothing', async () => {
    const device = await registerDevice(relay.url);
    const corpus = hostileWebhookCorpus(RELAY_SECRET, SECRET_HEADER, device.deviceId);
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const accepted: string[] = [];
    for (const request of corpus) {
      const res = await fetch(`${relay.url}${request.path}`, {
        method: request.method ?? 'POST',
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const text = await res.text();
      if (res.status >= 500 || (res.status < 400 && !request.tolerated))
        accepted.push(`${request.label} → ${res.status} ${text.slice(0, 120)}`);
      figures.malformedInputsTried++;
      if (res.status === 400) figures.answered400++;
      else if (res.status === 401) figures.answered401++;
      else if (res.status === 413) figures.answered413++;
      else figures.answeredOther4xx++;
    }
    expect(accepted).toEqual([]);
    expect((await pollEvents(relay.url, device.token)).events).toEqual([]);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });

  it('still takes a good webhook afterwards, once', async () => {
    const device = await registerDevice(relay.url);
    const event = {
      event: 'item/updated',
      eventId: 'evt-after-the-storm',
      id: 'item-z',
      itemId: 'item-z',
      triggeredBy: 'SYNC',
      clientUserId: device.deviceId,
    };
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${relay.url}/hooks/pluggy`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: RELAY_SECRET },
        body: JSON.stringify(event),
      });
      expect(res.status).toBe(200);
    }
    const page = await pollEvents(relay.url, device.token);
    expect(page.events.map((e) => e.eventId)).toEqual(['evt-after-the-storm']);
  });
});
