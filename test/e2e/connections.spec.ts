// Connecting banks through the demo Connect page, each link's state on its card, MFA, sync and disconnect.
import { statusMessagesPtBR } from '../../src/shared/messages/status-messages';
import { atEachWidth, card, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

const message = (code: keyof typeof statusMessagesPtBR.status, bank = 'Pluggy Bank') =>
  statusMessagesPtBR.status[code].replace('{{bank}}', bank);

test('connecting Pluggy Bank with user-ok brings its accounts and transactions', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Conexões' })).toBeVisible();
  await expect(page.getByText('Nenhum banco conectado ainda')).toBeVisible();
  await screenshot(page, 'connections-empty');
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  const c = card(page);
  await expect(c.getByTestId('connection-message')).toHaveText(message('SUCCESS'));
  await expect(c.getByTestId('last-sync')).toContainText(/agora|segundo|minuto/);
  await screenshot(page, 'connections');

  await openScreen(page, 'Contas');
  await expect(page.getByTestId('account-card')).toHaveCount(3);
  await expect(page.getByTestId('accounts-total')).toContainText('R$');
  await expect(page.getByRole('img', { name: /Gráfico do saldo/ })).toBeVisible();
  await screenshot(page, 'accounts');

  await openScreen(page, 'Transações');
  await expect(page.getByTestId('transaction-row').first()).toBeVisible();
  await expect(page.getByTestId('transaction-count')).toContainText(/\d transações/);
  await expect(page.getByTestId('transaction-table')).toContainText(/\d+\/\d+/); // card instalments
  await screenshot(page, 'transactions');
});

test('user-locked and user-unavailable: each card says what happened, in pt-BR, and what to do', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-locked' });
  const locked = card(page);
  await expect(locked.getByTestId('connection-message')).toHaveText(message('ACCOUNT_LOCKED'), {
    timeout: 30_000,
  });
  // A locked account is a refused login: the fix is Reconectar once the bank unlocks it, never a blind sync.
  await expect(locked.getByTestId('connection-action')).toHaveText(statusMessagesPtBR.actions.reconnect);
  await expect(locked.getByTestId('sync-now')).toHaveCount(0);
  await expect(locked.getByTestId('connection-badge')).toHaveText('Com problema');

  await connectBank(page, { user: 'user-unavailable' });
  const cards = page.getByTestId('connection-card');
  await expect(cards).toHaveCount(2);
  const unavailable = cards.filter({ hasText: message('SITE_NOT_AVAILABLE') });
  await expect(unavailable).toHaveCount(1, { timeout: 30_000 });
  // Nothing to press: Cofre retries by itself (the message says so), and no button-looking label says otherwise.
  await expect(unavailable.getByTestId('connection-action')).toHaveCount(0);
  await expect(unavailable.getByTestId('connection-message')).toContainText('O Cofre tenta de novo sozinho');
  await screenshot(page, 'connections-errors');
});

test('a 2-step MFA bank: Sync now asks for the code, answered in the dialog, and the link is connected', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  const bank = 'Pluggy Bank MFA 2-step';
  await connectBank(page, { connector: bank, user: 'user-ok', mfaToken: '123456' });
  await waitUntilSynced(page, bank);
  await card(page, bank).getByTestId('sync-now').click();
  const action = card(page, bank).getByTestId('connection-action');
  await expect(action).toHaveText(statusMessagesPtBR.actions.answer_mfa, { timeout: 30_000 });
  await expect(card(page, bank).getByTestId('connection-message')).toHaveText(
    message('WAITING_USER_INPUT', bank),
  );
  await action.click();
  const dialog = page.getByTestId('mfa-dialog');
  await expect(dialog.getByRole('heading', { name: `Código de verificação de ${bank}` })).toBeVisible();
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await atEachWidth(page, async (width) => {
    await expect(dialog.getByRole('textbox')).toBeInViewport();
    await expect(dialog.getByRole('button', { name: 'Enviar código' })).toBeInViewport();
    await screenshot(page, `mfa-dialog-${width}`);
  });
  await dialog.getByRole('textbox').fill('12');
  await dialog.getByRole('button', { name: 'Enviar código' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible(); // the bank's own validation message
  await dialog.getByRole('textbox').fill('123456');
  await dialog.getByRole('button', { name: 'Enviar código' }).click();
  await expect(dialog).toBeHidden();
  // The card follows the answer at once (polled every second), not at the next scheduled check.
  await expect(card(page, bank).getByTestId('connection-message')).not.toHaveText(
    message('WAITING_USER_INPUT', bank),
    { timeout: 2_500 },
  );
  await waitUntilSynced(page, bank);
  await expect(card(page, bank).getByTestId('connection-message')).toHaveText(message('SUCCESS', bank));
});

test('Sync now shows live progress, then the new rows; Disconnect removes the link and its data', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await openScreen(page, 'Transações');
  const count = page.getByTestId('transaction-count');
  await expect(count).toContainText(/\d transações/);
  const before = Number((await count.innerText()).replace(/\D/g, ''));

  await openScreen(page, 'Conexões');
  // Demo mode's sandbox brings a little new data with every sync, as a real account does.
  await card(page).getByTestId('sync-now').click();
  const progress = card(page).getByTestId('sync-progress');
  await expect(progress).toBeVisible({ timeout: 10_000 });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await screenshot(page, 'sync-progress');
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });

  await openScreen(page, 'Transações');
  await expect
    .poll(async () => Number((await count.innerText()).replace(/\D/g, '')), { timeout: 15_000 })
    .toBeGreaterThan(before);

  await openScreen(page, 'Conexões');
  await card(page).getByRole('button', { name: 'Desconectar Pluggy Bank' }).click();
  const dialog = page.getByTestId('disconnect-dialog');
  await expect(dialog).toContainText('serão apagadas deste computador');
  await screenshot(page, 'disconnect-dialog');
  await dialog.getByRole('button', { name: 'Desconectar', exact: true }).click();
  await expect(page.getByTestId('connection-card')).toHaveCount(0);
  await openScreen(page, 'Transações');
  await expect(page.getByText('Nenhuma transação ainda')).toBeVisible();
});
