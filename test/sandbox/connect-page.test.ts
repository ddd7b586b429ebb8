// The demo Connect page in Debian's Chromium: pick Pluggy Bank, log in, answer MFA, report onSuccess to the parent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectTokenResponse, Item } from '../../src/shared/pluggy';
import { HAS_CHROMIUM, launchChromium } from '../helpers/chromium';
import { startClient, type SandboxClient } from './helpers';

describe.skipIf(!HAS_CHROMIUM)('sandbox connect page', () => {
  let c: SandboxClient;
  let browser: Browser;
  const profile = mkdtempSync(join(tmpdir(), 'cofre-chromium-'));
  beforeAll(async () => {
    c = await startClient({ executionMs: 200 });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await c.sandbox.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('serves a self-contained page with a CSP and zoid 9.0.63', async () => {
    const page = await c.raw('GET', '/connect', { key: '' });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/connect/app.js');
    const zoid = await (await c.raw('GET', '/connect/zoid.js', { key: '' })).text();
    expect(zoid).toContain('9_0_63');
  });

  it('connects a 2-step MFA item and posts onSuccess({ item }) to its parent', async () => {
    const token = (await c.ok(ConnectTokenResponse, 'POST', '/connect_token', { body: {} })).body.accessToken;
    // A parent page on another loopback origin hosting the Connect page in an iframe, like the app's renderer.
    const parent = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<script>window.messages=[];addEventListener('message',e=>window.messages.push(e.data));</script><iframe id="f" style="width:400px;height:640px" src="${c.url}/connect?connectToken=${token}"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(parent.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('#f');
    await frame.getByRole('button', { name: /Pluggy Bank MFA 2-step/ }).click();
    await frame.getByLabel('User').fill('user-ok');
    await frame.getByLabel('Password').fill('password-ok');
    await frame.getByRole('button', { name: 'Conectar' }).click();
    await frame.getByLabel('Chave de segurança').fill('123456', { timeout: 10_000 });
    await frame.getByRole('button', { name: 'Enviar' }).click();
    await frame.getByText('Conta conectada com sucesso.').waitFor({ timeout: 10_000 });
    const messages = (await page.evaluate('window.messages')) as {
      callback: string;
      payload: { event?: string; item?: unknown };
    }[];
    const events = messages.filter((m) => m.callback === 'onEvent').map((m) => m.payload.event);
    expect(events).toEqual(
      expect.arrayContaining([
        'SELECTED_INSTITUTION',
        'SUBMITTED_LOGIN',
        'SUBMITTED_MFA',
        'ITEM_RESPONSE',
        'LOGIN_SUCCESS',
      ]),
    );
    const success = messages.find((m) => m.callback === 'onSuccess');
    const item = Item.parse(success?.payload.item);
    expect(item.status).toBe('UPDATED');
    await page.close();
    await new Promise<void>((resolve) => parent.close(() => resolve()));
  }, 60_000);
});
