// Hostile neighbours of the browser host: another server on 127.0.0.1 (a dev server, the demo sandbox, a
// hostile local process) visited by the same Chromium must receive no credential, and cannot call /rpc.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core';
import { DEFAULT_RENDERER_DIR } from '../../src/host/launch';
import { startHost, type RunningHost } from '../../src/host/server';
import { HAS_CHROMIUM, launchChromium } from '../helpers/chromium';
import { tempDir } from '../helpers/temp-dir';
import { writeFigures } from './figures';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

const figures = { attacksTried: 0, secretsFound: 0 };
const dataDir = tempDir('cofre-hostile-host-');
let core: Core;
let host: RunningHost;
let foreign: Server;
let foreignPort = 0;
const seen: Seen[] = [];
let browser: Browser;
let context: BrowserContext;

/** A page on the foreign port that tries to call the host's /rpc with whatever the browser would attach. */
function foreignPage(hostUrl: string): string {
  return `<!doctype html><title>foreign</title><script>
    window.attempt = fetch('${hostUrl}/rpc/transactions.export', {
      method: 'POST', credentials: 'include', mode: 'cors',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'csv', filter: {} }),
    }).then((r) => 'status ' + r.status, (e) => 'refused ' + e.message);
  </script>`;
}

beforeAll(async () => {
  core = await createCore({ dataDir, mode: 'demo', host: 'test', version: 'test', pluggy: null });
  host = await startHost({ core, rendererDir: DEFAULT_RENDERER_DIR });
  foreign = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(foreignPage(host.url));
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignPort = (foreign.address() as AddressInfo).port;
  if (HAS_CHROMIUM) {
    browser = await launchChromium();
    context = await browser.newContext();
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => foreign.close(() => resolve()));
  await host.close();
  await core.close();
  writeFigures('hostileHost', figures);
});

/** Opens the launch link and waits until the page has made an authorised call. */
async function openApp(): Promise<Page> {
  const page = await context.newPage();
  const authorised = page.waitForResponse((r) => r.url().includes('/rpc/') && r.status() === 200);
  await page.goto(host.launchUrl);
  await authorised;
  return page;
}

function leaks(): string[] {
  return seen.flatMap((s) => {
    const text = `${s.url} ${JSON.stringify(s.headers)}`;
    const found: string[] = [];
    if (text.includes(host.token)) found.push(`${s.url}: the launch token`);
    if (s.headers.cookie !== undefined) found.push(`${s.url}: cookie ${s.headers.cookie}`);
    if (s.headers.authorization !== undefined) found.push(`${s.url}: authorization header`);
    return found;
  });
}

describe.skipIf(!HAS_CHROMIUM)('the browser host next to a hostile local server', () => {
  it('sends no credential to another port on 127.0.0.1 or localhost that the same browser visits', async () => {
    const app = await openApp();
    // The token leaves the address bar at once; the app keeps working after a reload.
    expect(app.url()).toBe(`${host.url}/`);
    const reloaded = app.waitForResponse((r) => r.url().includes('/rpc/') && r.status() === 200);
    await app.reload();
    await reloaded;

    const visits = [
      `http://127.0.0.1:${foreignPort}/`,
      `http://localhost:${foreignPort}/dev-server`,
      `http://127.0.0.1:${foreignPort}/rpc/transactions.export`,
    ];
    for (const url of visits) {
      const tab = await context.newPage();
      await tab.goto(url);
      const attempt = String(await tab.evaluate('window.attempt'));
      // The host refuses the foreign origin, and the browser attaches nothing it could use.
      expect(attempt).not.toBe('status 200');
      figures.attacksTried += 2;
      await tab.close();
    }
    // Subresources the app's own page asks of the other port (its CSP blocks them; if one got out, it
    // would carry nothing either).
    await app.evaluate(async (port) => {
      const image = new Image();
      image.src = `http://127.0.0.1:${port}/pixel.png`;
      await new Promise((resolve) => {
        image.onload = image.onerror = resolve;
      });
      await fetch(`http://127.0.0.1:${port}/beacon`, { credentials: 'include', mode: 'no-cors' }).catch(
        (error: unknown) => String(error),
      );
    }, foreignPort);
    figures.attacksTried += 2;

    expect(seen.length).toBeGreaterThanOrEqual(visits.length);
    const found = leaks();
    figures.secretsFound += found.length;
    expect(found).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await app.close();
  }, 60_000);

  it('answers a tab opened without the launch link with "not authorised", not data', async () => {
    const tab = await context.newPage();
    const refused = tab.waitForResponse((r) => r.url().includes('/rpc/'));
    await tab.goto(`${host.url}/`);
    expect((await refused).status()).toBe(401);
    figures.attacksTried += 1;
    await tab.close();
  }, 30_000);

  it('serves every page, /index.html included, under the one Content-Security-Policy', async () => {
    const csp = (await fetch(`${host.url}/`)).headers.get('content-security-policy');
    expect(csp).toContain("script-src 'self'");
    for (const path of ['/index.html', '/bridge.js', '/no-such-file']) {
      figures.attacksTried += 1;
      expect((await fetch(`${host.url}${path}`)).headers.get('content-security-policy'), path).toBe(csp);
    }
  });
});
