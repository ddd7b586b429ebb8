import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core';
import { startHost, type RunningHost } from '../../src/host/server';
import { tempDir } from '../helpers/temp-dir';

let core: Core;
let host: RunningHost;
const dataDir = tempDir();

beforeAll(async () => {
  core = await createCore({
    dataDir,
    mode: 'demo',
    host: 'test',
    version: '9.9.9',
    checkOutput: true,
    pluggy: null,
  });
  host = await startHost({ core });
});
afterAll(async () => {
  await host.close();
  await core.close();
});

const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const bearer = () => ({ authorization: `Bearer ${host.token}` });

/** fetch() will not send a forged Host header, so this goes through node:http. */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.url}${path}`, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host', () => {
  it('listens on loopback only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a call made with the launch token', async () => {
    const res = await rpc('health.get', {}, bearer());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { version: '9.9.9', mode: 'demo' } });
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await rpc('health.get', {})).status).toBe(401);
    expect((await rpc('health.get', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await rpc('health.get', {}, { authorization: `Bearer ${host.token}x` })).status).toBe(401);
    expect((await fetch(`${host.url}/events`)).status).toBe(401);
    expect((await fetch(`${host.url}/events?token=nope`)).status).toBe(401);
    // Only the event stream takes the token in its URL (EventSource cannot send a header).
    expect((await fetch(`${host.url}/rpc/health.get?token=${host.token}`, { method: 'POST' })).status).toBe(
      401,
    );
    expect((await fetch(`${host.url}/?token=nope`, { redirect: 'manual' })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-site Origin', async () => {
    expect(await rawGet('/', { host: `evil.example:${host.port}` })).toBe(403);
    const res = await rpc('health.get', {}, { ...bearer(), origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('prints a launch link with the token in the fragment, and never sets a cookie', async () => {
    expect(host.launchUrl).toBe(`${host.url}/#token=${host.token}`);
    const page = await fetch(host.launchUrl);
    expect(page.headers.get('set-cookie')).toBeNull();
    // An older `/?token=` link moves the token into the fragment; still no cookie.
    const old = await fetch(`${host.url}/?token=${host.token}`, { redirect: 'manual' });
    expect(old.status).toBe(303);
    expect(old.headers.get('location')).toBe(`/#token=${host.token}`);
    expect(old.headers.get('set-cookie')).toBeNull();
  });

  it('ignores a session cookie: only the Authorization header authorises', async () => {
    const call = await rpc('app.info', {}, { cookie: `cofre_session=${host.token}` });
    expect(call.status).toBe(401);
  });

  it('answers malformed JSON and invalid input with a 400 error envelope', async () => {
    const malformed = await rpc('health.get', '{not json', bearer());
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const invalid = await rpc('health.get', { extra: 1 }, bearer());
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await rpc('nope.nope', {}, bearer());
    expect(unknown.status).toBe(404);
  });

  it('streams core events over SSE', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.url}/events`, { headers: bearer(), signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    core.events.emit('health.changed', { status: 'degraded', at: new Date().toISOString() });
    while (!text.includes('event: health.changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain('event: health.changed');
    expect(text).toContain('"status":"degraded"');
  });
});
