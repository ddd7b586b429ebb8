// Bank logos: fetched once through the core, kept in the DB, shown as data: URLs; no page may load a remote image.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchableLogoUrl, sniffImageType } from '../../../src/core/connections/bank-logos';
import { contentSecurityPolicy as hostCsp } from '../../../src/host/renderer-page';
import { contentSecurityPolicy as electronCsp } from '../../../electron/main/csp';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';
import { waitFor } from '../../helpers/wait-for';

const ICON_ROUTE = 'GET /connector-icons/:file';

let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 3 } });
});
afterAll(() => world.close());

const iconFetches = () => world.sandbox.admin.requestCounts()[ICON_ROUTE] ?? 0;
const logoOf = async (itemId: string) =>
  (await world.call('connections.list', {})).find((c) => c.itemId === itemId)?.connector.imageUrl ?? null;

describe('bank logos', () => {
  it('answers every connector with a logo on the sandbox itself, never a CDN', async () => {
    const res = await fetch(`${world.sandbox.url}/connectors?sandbox=true`, {
      headers: { 'x-api-key': await apiKey() },
    });
    const { results } = (await res.json()) as { results: { id: number; imageUrl?: string }[] };
    expect(results.length).toBeGreaterThan(4);
    for (const c of results) expect(c.imageUrl).toBe(`${world.sandbox.url}/connector-icons/${c.id}.svg`);
    const icon = await fetch(`${world.sandbox.url}/connector-icons/602.svg`);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg[\s\S]*>nu<\/text><\/svg>$/);
  });

  it('fetches a bank logo once, then shows it from the DB on every later view, also after a restart', async () => {
    world.sandbox.admin.resetRequestCounts();
    const itemId = await world.connect('user-ok', 0);
    await world.settle(itemId);
    const logo = await waitFor(() => logoOf(itemId));
    expect(logo).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(logo.split(',')[1]!, 'base64').toString('utf8')).toContain('<svg');
    expect(iconFetches()).toBe(1);

    for (let i = 0; i < 3; i++) expect(await logoOf(itemId)).toBe(logo);
    await world.restartCore();
    expect(await logoOf(itemId)).toBe(logo);
    expect(iconFetches()).toBe(1);
  });

  it('shows the initial while a logo cannot be fetched, without asking again on every view', async () => {
    await world.close();
    world = await startCoreWorld({
      sandbox: { transactionsPerAccount: 3, faults: { error5xxRate: 1, routes: [ICON_ROUTE] } },
    });
    const itemId = await world.connect('user-ok', 2);
    await world.settle(itemId);
    // The client retries a 5xx a few times within one fetch; then the failure is kept for hours.
    await waitFor(async () => {
      const before = iconFetches();
      await new Promise((r) => setTimeout(r, 300));
      return before > 0 && iconFetches() === before ? true : null;
    });
    const fetched = iconFetches();
    for (let i = 0; i < 3; i++) expect(await logoOf(itemId)).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(iconFetches()).toBe(fetched);
  });

  it('fetches only what the mode allows: Pluggy https files live, loopback files in demo', () => {
    const cdn = 'https://cdn.pluggy.ai/assets/connector-icons/201.svg';
    expect(fetchableLogoUrl(cdn, 'live')).toBe(cdn);
    expect(fetchableLogoUrl('http://cdn.pluggy.ai/x.svg', 'live')).toBeNull();
    expect(fetchableLogoUrl(cdn, 'demo')).toBeNull();
    expect(fetchableLogoUrl('http://127.0.0.1:4000/connector-icons/0.svg', 'demo')).toBe(
      'http://127.0.0.1:4000/connector-icons/0.svg',
    );
    expect(fetchableLogoUrl('not a url', 'live')).toBeNull();
    expect(fetchableLogoUrl(null, 'live')).toBeNull();
  });

  it('keeps only bytes that are an image, whatever the server calls them', () => {
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="x"></svg>'))).toBe('image/svg+xml');
    expect(sniffImageType(Buffer.from('<html><body>Access denied</body></html>'))).toBeNull();
    expect(sniffImageType(Buffer.from('{"error":"not found"}'))).toBeNull();
  });

  it('lets no page of the app load a remote image (CSP img-src)', () => {
    const imgSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('img-src'));
    expect(imgSrc(hostCsp(['http://127.0.0.1:4000']))).toBe("img-src 'self' data:");
    for (const mode of ['demo', 'live'] as const) {
      expect(imgSrc(electronCsp({ mode, demoConnectOrigin: 'http://127.0.0.1:4000' }))).toBe(
        "img-src 'self' data:",
      );
    }
  });
});

async function apiKey(): Promise<string> {
  const res = await fetch(`${world.sandbox.url}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: world.sandbox.clientId, clientSecret: world.sandbox.clientSecret }),
  });
  return ((await res.json()) as { apiKey: string }).apiKey;
}
