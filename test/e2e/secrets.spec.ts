import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectBank, openScreen, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

// Secrets that exist while the app runs in demo mode: the sandbox's client secret, every JWT (apiKeys and
// connect tokens), the DB key. None may reach what the page shows, stores or receives.
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const CLIENT_SECRET = 'cofre-sandbox-secret';

test('no secret reaches the page: visible text, storage or any answer it receives', async ({ page, app }) => {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().startsWith(app.baseUrl) || response.status() >= 300) return;
    bodies.push(await response.text().catch(() => ''));
  });
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  const screens: [string, string?][] = [
    ['Contas'],
    ['Transações'],
    ['Auditoria', 'Registro de auditoria'],
    ['Configurações'],
    ['Diagnóstico'],
  ];
  for (const [link, heading] of screens) {
    await openScreen(page, link, heading);
    await page.waitForLoadState('networkidle');
  }
  const visible = await page.evaluate(() => document.body.innerText);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  const dbKey = readFileSync(join(app.dataDir, 'db.key'), 'utf8').trim();
  const seen = [visible, stored, ...bodies];
  expect(bodies.length).toBeGreaterThan(10);
  for (const text of seen) {
    expect(text).not.toMatch(JWT);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toContain(dbKey);
  }
});
