// The security habits in the UI: a day's review notice opens the Audit screen filtered to its entries, the
// "Revisão de segurança" view lists the day, and a relay past 90 days on its secret shows the rotation steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { RelayConfig, startRelay } from '../../src/relay';
import { connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

const WIDTHS = [1024, 1366, 1920];
// Three widths of screenshots each, on a shared 2-core machine.
test.setTimeout(180_000);

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 800 });
}

test('a day with a new connection and an export raises one review notice whose link filters the Audit screen', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await openScreen(page, 'Transações');
  await page.getByRole('button', { name: 'Exportar CSV' }).click();
  await expect(page.getByText(/transações exportadas/)).toBeVisible();

  // The bell polls; reopening the app reads the notices at once.
  await page.reload();
  await page.getByTestId('notice-bell').click();
  const panel = page.getByRole('region', { name: 'Avisos' });
  const notice = panel.getByRole('listitem').filter({ hasText: 'foi você?' });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Hoje: 1 nova conexão, 1 exportação — foi você?');
  await screenshots(page, 'review-notice');

  await notice.getByTestId('notice-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro de auditoria' })).toBeVisible();
  await expect(page.getByTestId('audit-review-filter')).toBeVisible();
  const entries = page.getByTestId('audit-entry');
  await expect(entries).toHaveCount(2);
  const actions = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')).sort());
  expect(actions).toEqual(['open_finance.connection.created', 'transactions.exported']);
  await screenshots(page, 'audit-review-filter');

  await page.getByRole('link', { name: 'Mostrar todos os registros' }).click();
  await expect(page.getByTestId('audit-review-filter')).toHaveCount(0);
  await expect.poll(() => entries.count()).toBeGreaterThan(2);

  await openScreen(page, 'Revisão de segurança');
  const days = page.getByTestId('review-day');
  await expect(days).toHaveCount(1);
  await expect(days.first()).toContainText('Hoje');
  await expect(days.first()).toContainText('1 nova conexão, 1 exportação');
  await expect(page.getByText('Nos outros 29 dias, nada de incomum.')).toBeVisible();
  await screenshots(page, 'security-review');
});

test('a relay whose webhook secret is 91 days old: a notice, and the rotation steps in Settings', async ({
  page,
  app,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'cofre-e2e-rotation-'));
  const admin = 'admin-token-for-e2e-0123456789';
  const config = RelayConfig.parse({
    port: 0,
    adminToken: admin,
    dataDir: dir,
    logLevel: 'silent',
    secrets: ['webhook-secret-0123456789abcdef'],
  });
  let now = Date.now() - 91 * 86_400_000;
  const earlier = await startRelay({ config, now: () => now });
  await earlier.close();
  now = Date.now();
  const relay = await startRelay({ config, now: () => now });
  try {
    await page.goto(app.launchUrl);
    await openScreen(page, 'Configurações');
    const section = page.getByTestId('relay-settings');
    await section.getByRole('textbox', { name: 'Endereço do relay' }).fill(relay.url);
    await section.getByLabel('Token de administrador do relay').fill(admin);
    await section.getByRole('button', { name: 'Parear com o relay' }).click();
    const steps = section.getByTestId('relay-rotation-due');
    await expect(steps).toBeVisible({ timeout: 15_000 });
    await expect(steps).toContainText('RELAY_SECRETS=old,new');
    await expect(steps).toContainText('PATCH https://api.pluggy.ai/webhooks/{id}');
    await screenshots(page, 'settings-relay-rotation');

    await page.getByTestId('notice-bell').click();
    const notice = page
      .getByRole('region', { name: 'Avisos' })
      .getByRole('listitem')
      .filter({ hasText: 'mais de 90 dias' });
    await expect(notice).toHaveCount(1);
    expect(await page.content()).not.toContain('webhook-secret-0123456789abcdef');
  } finally {
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
