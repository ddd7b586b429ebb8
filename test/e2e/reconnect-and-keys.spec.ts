// A wrong password is retyped in Connect or fixed by Reconectar on the same link; and the keyboard shortcuts.
import { statusMessagesPtBR } from '../../src/shared/messages/status-messages';
import { atEachWidth, card, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test('a wrong password is retyped in the same Connect window, on the same link', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  const { dialog, frame } = await connectWithWrongPassword(page);
  await expect(dialog).toBeVisible();
  // The bank's refusal and the field to retype sit in view at every width.
  await atEachWidth(page, async (width) => {
    await expect(frame.getByRole('alert')).toBeInViewport();
    await expect(frame.locator('#f-password')).toBeInViewport();
    await screenshot(page, `connect-wrong-password-${width}`);
  });
  await frame.locator('#f-password').fill('password-ok');
  await frame.getByRole('button', { name: 'Conectar' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await waitUntilSynced(page);
  await expect(page.getByTestId('connection-card')).toHaveCount(1);
});

test('Connect closed on a wrong password leaves a card whose Reconectar updates the same link', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  const { dialog, frame } = await connectWithWrongPassword(page);
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await expect(dialog).toBeHidden();

  const action = card(page).getByTestId('connection-action');
  await expect(action).toHaveText(statusMessagesPtBR.actions.reconnect, { timeout: 30_000 });
  await expect(card(page).getByTestId('sync-now')).toHaveCount(0); // never a blind retry of a refused login
  await atEachWidth(page, async (width) => {
    await expect(action).toBeInViewport();
    await screenshot(page, `reconnect-card-${width}`);
  });
  const itemId = await card(page).getAttribute('data-item-id');
  const refusedNotice = page.locator('#notice-panel').getByText('não foi aceita');
  await page.getByTestId('notice-bell').click();
  await expect(refusedNotice).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await action.click();
  await expect(dialog.getByRole('heading', { name: 'Reconectar banco' })).toBeVisible();
  await frame.locator('#f-user').fill('user-ok');
  await frame.locator('#f-password').fill('password-ok');
  await frame.getByRole('button', { name: 'Conectar' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await waitUntilSynced(page);
  await expect(page.getByTestId('connection-card')).toHaveCount(1);
  await expect(card(page)).toHaveAttribute('data-item-id', itemId!);
  // The notice that asked for a reconnect resolved itself once the link worked again.
  await page.getByTestId('notice-bell').click();
  await expect(refusedNotice).toHaveCount(0, { timeout: 15_000 });
});

/** Opens Connect, types a wrong password, and waits for the page to ask for it again. */
async function connectWithWrongPassword(page: Page) {
  await openScreen(page, 'Conexões');
  await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
  const dialog = page.getByTestId('connect-dialog');
  const frame = dialog.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Pluggy Bank', exact: true }).first().click();
  await frame.locator('#f-user').fill('user-ok');
  await frame.locator('#f-password').fill('wrong-password');
  await frame.getByRole('button', { name: 'Conectar' }).click();
  await expect(frame.getByRole('alert')).toHaveText(/senha incorretos/, { timeout: 30_000 });
  return { dialog, frame };
}

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
