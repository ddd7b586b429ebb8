// Transactions search, filters and export; the audit log viewer lists, filters and verifies what happened.
import { readFileSync } from 'node:fs';
import { atEachWidth, card, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

test('search finds a known transaction; filters and CSV export follow the current filter', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await openScreen(page, 'Transações');
  await expect(page.getByTestId('transaction-row').first()).toBeVisible();

  // "/" jumps to the search box from anywhere on the screen.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByTestId('transaction-search')).toBeFocused();
  await page.keyboard.type('Salário');
  const rows = page.getByTestId('transaction-row');
  await expect(rows.first()).toContainText('Salário');
  await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('Salário'))).toBe(true);
  const found = await rows.count();
  expect(found).toBeGreaterThan(0);
  await atEachWidth(page, async (width) => {
    await expect(rows.first()).toBeInViewport();
    await screenshot(page, `transactions-search-${width}`);
  });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar CSV' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(found);
  expect(lines.slice(1).every((l) => l.includes('Salário'))).toBe(true);

  await page.getByTestId('transaction-search').fill('');
  await page.getByTestId('status-filter').selectOption('PENDING');
  // Pending rows say so; the filter applies after the debounce, so poll until the list has settled.
  await expect
    .poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 0 && texts.every((t) => t.includes('Pendente'));
    })
    .toBe(true);
});

test('the audit log lists what happened, filters it, shows details and verifies the chain', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await card(page).getByTestId('sync-now').click();
  await waitUntilSynced(page);

  await openScreen(page, 'Auditoria', 'Registro de auditoria');
  const entries = page.getByTestId('audit-entry');
  await expect(entries.filter({ hasText: 'Conexão criada' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'Sincronização pedida' }).first()).toBeVisible();
  await expect(entries.filter({ hasText: 'Sincronização concluída' }).first()).toBeVisible();
  await screenshot(page, 'audit');

  // The search finds the words the entries show: the link's name and the action's name in Portuguese.
  const searchBox = page.getByRole('searchbox', { name: 'Buscar' });
  await searchBox.fill('Pluggy Bank sincronizacao concluida');
  await expect
    .poll(async () => {
      const texts = await entries.allInnerTexts();
      return texts.length > 0 && texts.every((t) => t.includes('Sincronização concluída'));
    })
    .toBe(true);
  await searchBox.fill('você pedida');
  await expect
    .poll(async () => {
      const texts = await entries.allInnerTexts();
      return texts.length > 0 && texts.every((t) => t.includes('Sincronização pedida') && t.includes('Você'));
    })
    .toBe(true);
  await searchBox.fill('');
  await expect(entries.filter({ hasText: 'Conexão criada' })).toHaveCount(1);

  await page.getByTestId('audit-family').selectOption('user');
  await expect(entries.filter({ hasText: 'Sincronização concluída' })).toHaveCount(0);
  await expect(entries.filter({ hasText: 'Sincronização pedida' }).first()).toBeVisible();
  const first = entries.first();
  await first.getByRole('button', { name: /Detalhes do registro/ }).click();
  await expect(first.getByTestId('audit-details')).toBeVisible();
  // Details are redacted when written: no connect token or apiKey ever shows up.
  await expect(first.getByTestId('audit-details')).not.toContainText(/eyJ[A-Za-z0-9_-]{10,}/);
  // In plain Portuguese: no raw record, no run id; the raw record only behind the support toggle.
  await expect(first.getByTestId('audit-details')).not.toContainText(/[{}"]|runId/);
  await first.getByRole('button', { name: 'Detalhes para suporte' }).click();
  await expect(first.getByTestId('audit-raw-details')).toContainText('"runId"');
  // An entry's details in words and its raw record both wrap inside the window.
  await atEachWidth(page, async (width) => {
    await expect(first.getByTestId('audit-details')).toBeVisible();
    await screenshot(page, `audit-details-${width}`);
  });

  await page.getByRole('button', { name: 'Verificar integridade' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Integridade confirmada');
  await screenshot(page, 'audit-verified');
});
