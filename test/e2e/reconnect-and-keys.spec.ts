// A wrong password asks for Reconnect, which reopens Connect for the same link; and the keyboard shortcuts.
import { statusMessagesPtBR } from '../../src/shared/messages/status-messages';
import { card, connectBank, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

test('a wrong password: the card asks to reconnect, and Reconnect fixes the same link', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok', password: 'wrong-password' });
  const action = card(page).getByTestId('connection-action');
  await expect(action).toHaveText(statusMessagesPtBR.actions.reconnect, { timeout: 30_000 });
  await action.click();
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog.getByRole('heading', { name: 'Reconectar banco' })).toBeVisible();
  const frame = dialog.frameLocator('iframe');
  await frame.locator('#f-user').fill('user-ok');
  await frame.locator('#f-password').fill('password-ok');
  await frame.getByRole('button', { name: 'Conectar' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await waitUntilSynced(page);
  await expect(page.getByTestId('connection-card')).toHaveCount(1);
});

test('keyboard: g t, g a, g c move between screens, / searches, ? lists the shortcuts', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Conexões' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { level: 1, name: 'Transações' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { level: 1, name: 'Conexões' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Transações' })).toBeVisible();
  await expect(page.getByTestId('transaction-search')).toBeFocused();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toContainText('Ir para Transações');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
