// Every broken state ends in its fix: one primary button per error card, no blind sync of a refused login,
// "Sincronizar tudo" leaves those out, and the notices panel behaves like a popover — at 1024, 1366 and 1920 px.
import { statusMessagesPtBR } from '../../src/shared/messages/status-messages';
import { atEachWidth, connectUsers, openScreen, screenshot } from './app-helpers';
import { expect, test } from './fixtures';

const text = (code: keyof typeof statusMessagesPtBR.status) =>
  statusMessagesPtBR.status[code].replace('{{bank}}', 'Pluggy Bank');

test('each error card offers the one fix for its state, and healthy cards stay calm', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000); // five banks connected through the real Connect page, then three widths
  await page.goto(app.launchUrl);
  await connectUsers(page, [
    'user-ok',
    'user-locked',
    'user-account-credentials-reset',
    'user-account-need-actions',
    'user-unavailable',
  ]);
  const byMessage = (code: keyof typeof statusMessagesPtBR.status) =>
    page.getByTestId('connection-card').filter({ hasText: text(code) });
  await expect(byMessage('SUCCESS')).toHaveCount(1, { timeout: 45_000 });
  await expect(byMessage('SITE_NOT_AVAILABLE')).toHaveCount(1, { timeout: 30_000 });

  await atEachWidth(page, async (width) => {
    // Refused logins: Reconectar is the one primary button, and there is no "Sincronizar agora" to retry blindly.
    for (const code of ['ACCOUNT_LOCKED', 'ACCOUNT_CREDENTIALS_RESET'] as const) {
      const c = byMessage(code);
      await expect(c.getByTestId('connection-action')).toHaveText('Reconectar');
      await expect(c.getByTestId('connection-action')).toHaveClass(/primary/);
      await expect(c.getByTestId('sync-now')).toHaveCount(0);
    }
    // Accepting the bank's new terms is done at the bank: its site is the fix, Reconectar comes second.
    const terms = byMessage('ACCOUNT_NEEDS_ACTION');
    await expect(terms.getByTestId('connection-action')).toHaveText('Abrir o app do banco');
    await expect(terms.getByTestId('connection-reconnect')).toBeVisible();
    await expect(terms.locator('.primary')).toHaveCount(1);
    // The bank is down: nothing to press; the message says Cofre retries, the facts say when.
    const down = byMessage('SITE_NOT_AVAILABLE');
    await expect(down.getByTestId('connection-action')).toHaveCount(0);
    await expect(down.getByTestId('connection-note')).toHaveCount(0);
    await expect(down.getByText('Nova tentativa', { exact: true })).toBeVisible();
    // A healthy card wears no alarm colour.
    const ok = byMessage('SUCCESS');
    const edge = await ok.evaluate((n) => getComputedStyle(n).borderTopColor);
    expect(edge).not.toMatch(/rgb\((2[0-9]{2}), ([0-9]{1,2}), ([0-9]{1,2})\)/);
    await screenshot(page, `error-cards-${width}`);
  });

  // Sync all leaves the refused logins out and says so.
  await page.getByRole('button', { name: 'Sincronizar tudo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ficaram de fora' })).toBeVisible();
});

test('the notices panel fits the window, closes on Escape and outside click, and never blocks navigation', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.launchUrl);
  await connectUsers(page, ['user-locked', 'user-account-credentials-reset']);
  await expect(page.getByTestId('notice-count')).toHaveText(/\d/, { timeout: 30_000 });
  await atEachWidth(page, async () => {
    await page.getByTestId('notice-bell').click();
    const panel = page.locator('#notice-panel');
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    const view = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height);
    expect(box.x + box.width).toBeLessThanOrEqual(view.width);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.getByTestId('notice-bell').click();
    await expect(panel).toBeVisible();
    await page.mouse.click(view.width - 10, view.height - 10); // anywhere outside the panel
    await expect(panel).toBeHidden();
    await page.getByTestId('notice-bell').click();
    await openScreen(page, 'Contas');
    await openScreen(page, 'Conexões');
    await page.keyboard.press('Escape');
  });
});
