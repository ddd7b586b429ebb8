// Two links to one bank told apart: a nickname, masked numbers, the owner, accounts grouped, the same name everywhere.
import { atEachWidth, card, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

test('a renamed link is named the same on its card, accounts, filters and audit, at every width', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000); // two banks connected through the real Connect page, then three widths
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await connectBank(page, { user: 'user-ok-two-checking-accounts' });
  const cards = page.getByTestId('connection-card');
  await expect(cards).toHaveCount(2);
  for (const c of await cards.all()) {
    await expect(c.getByTestId('connection-badge')).toHaveText('Conectado', { timeout: 45_000 });
    // The owner's first name and the accounts' last digits say which login this is.
    await expect(c.getByTestId('connection-detail')).toContainText(/John · •••• \w+/);
  }

  const first = cards.first();
  await first.getByRole('button', { name: 'Renomear Pluggy Bank' }).click();
  const input = first.getByTestId('nickname-input');
  await expect(input).toBeFocused();
  await input.fill('Conta da Maria');
  await input.press('Enter');
  const renamed = card(page, 'Conta da Maria');
  await expect(renamed).toBeVisible();
  await expect(renamed.getByTestId('connection-detail')).toContainText('Pluggy Bank · John');
  await expect(card(page, 'Pluggy Bank')).toHaveCount(1);
  await atEachWidth(page, async (width) => {
    await expect(renamed).toBeVisible();
    await screenshot(page, `connections-nickname-${String(width)}`);
  });

  await openScreen(page, 'Contas');
  const groups = page.getByTestId('account-group');
  await expect(groups).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 2, name: /^Conta da Maria/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Contas de Conta da Maria' })).toBeVisible();
  await atEachWidth(page, async (width) => {
    await expect(groups.first()).toBeVisible();
    await screenshot(page, `accounts-grouped-${String(width)}`);
  });

  await openScreen(page, 'Transações');
  const accountFilter = page.getByRole('combobox', { name: 'Conta' });
  await expect(accountFilter.locator('option', { hasText: /^Conta da Maria · .+ · •••• / })).not.toHaveCount(
    0,
  );

  await openScreen(page, 'Auditoria', 'Registro de auditoria');
  const connectionFilter = page.getByRole('combobox', { name: 'Conexão' });
  await expect(connectionFilter.locator('option', { hasText: 'Conta da Maria' })).toHaveCount(1);
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'Conexão renomeada' })).toHaveCount(1);

  // A blank nickname gives the bank's name back.
  await openScreen(page, 'Conexões');
  await renamed.getByRole('button', { name: 'Renomear Conta da Maria' }).click();
  await renamed.getByTestId('nickname-input').fill('');
  await renamed.getByRole('button', { name: 'Salvar' }).click();
  await expect(card(page, 'Pluggy Bank')).toHaveCount(2);
});
