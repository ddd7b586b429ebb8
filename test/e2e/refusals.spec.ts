// A refresh Pluggy refuses: the bank wants a new one-time code, asked on the card and sent with the refresh.
import { statusMessagesPtBR } from '../../src/shared/messages/status-messages';
import { atEachWidth, card, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

const bank = 'Pluggy Bank MFA';
const message = (code: keyof typeof statusMessagesPtBR.status) =>
  statusMessagesPtBR.status[code].replace('{{bank}}', bank);

test('a bank that wants a new code to refresh: the card asks for it, and the refresh carries it', async ({
  page,
  app,
}) => {
  // Four bank executions and three syncs on a shared machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(app.launchUrl);
  await openScreen(page, 'Conexões');
  await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
  const dialog = page.getByTestId('connect-dialog');
  const frame = dialog.frameLocator('iframe');
  await frame.getByRole('button', { name: bank, exact: true }).first().click();
  await frame.locator('#f-user').fill('user-ok');
  await frame.locator('#f-password').fill('password-ok');
  await frame.locator('#f-token').fill('123456');
  await frame.getByRole('button', { name: 'Conectar' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await waitUntilSynced(page, bank);

  const c = card(page, bank);
  await c.getByTestId('sync-now').click();
  await expect(c.getByTestId('connection-message')).toHaveText(
    message('CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR'),
    { timeout: 30_000 },
  );
  const action = c.getByTestId('connection-action');
  await expect(action).toHaveText(statusMessagesPtBR.actions.answer_mfa);
  await screenshot(page, 'refusal-new-code-1366');
  await page.setViewportSize({ width: 1024, height: 900 });
  await screenshot(page, 'refusal-new-code-1024');
  await page.setViewportSize({ width: 1920, height: 1000 });
  await screenshot(page, 'refusal-new-code-1920');

  await action.click();
  const mfa = page.getByTestId('mfa-dialog');
  await expect(mfa).toBeVisible();
  // The code of the last execution is refused by the bank: the card says so and asks again.
  await mfa.getByRole('textbox').fill('123456');
  await mfa.getByRole('button', { name: 'Enviar código' }).click();
  await expect(mfa).toBeHidden();
  await expect(c.getByTestId('connection-message')).toHaveText(
    message('MFA_PARAMERTER_WAS_ALREADY_USED_ERROR'),
    {
      timeout: 30_000,
    },
  );
  await screenshot(page, 'refusal-code-used');
  await c.getByTestId('connection-action').click();
  await mfa.getByRole('textbox').fill('654321');
  await mfa.getByRole('button', { name: 'Enviar código' }).click();
  await expect(mfa).toBeHidden();
  await waitUntilSynced(page, bank);
  await expect(c.getByTestId('connection-message')).toHaveText(
    statusMessagesPtBR.status.SUCCESS.replace('{{bank}}', bank),
  );
});

test.describe('answering a code', () => {
  test.use({ demoAdmin: true });

  test('the dialog focuses the code field, the card follows the answer within two seconds, and a wrong code asks for a new one without sending it again', async ({
    page,
    app,
  }) => {
    test.setTimeout(180_000);
    await page.goto(app.launchUrl);
    await openScreen(page, 'Conexões');
    await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
    const dialog = page.getByTestId('connect-dialog');
    const frame = dialog.frameLocator('iframe');
    await frame.getByRole('button', { name: bank, exact: true }).first().click();
    await frame.locator('#f-user').fill('user-ok');
    await frame.locator('#f-password').fill('password-ok');
    await frame.locator('#f-token').fill('123456');
    await frame.getByRole('button', { name: 'Conectar' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await waitUntilSynced(page, bank);
    const refreshes = async () => {
      const stats = (await (await page.request.get(`${app.sandboxUrl}/__sandbox/stats`)).json()) as {
        requests: Record<string, number>;
      };
      return stats.requests['PATCH /items/:id'] ?? 0;
    };

    const c = card(page, bank);
    const text = c.getByTestId('connection-message');
    await c.getByTestId('sync-now').click();
    await expect(text).toHaveText(message('CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR'), {
      timeout: 30_000,
    });
    const mfa = page.getByTestId('mfa-dialog');
    const code = mfa.getByRole('textbox');
    await c.getByTestId('connection-action').click();
    await expect(code).toBeFocused();

    // A wrong code: the card leaves the question within two seconds, then asks for a new code.
    await code.fill('000000');
    await mfa.getByRole('button', { name: 'Enviar código' }).click();
    await expect(mfa).toBeHidden();
    const answeredAt = Date.now();
    await expect(text).not.toHaveText(message('CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR'), {
      timeout: 2_500,
    });
    expect(Date.now() - answeredAt).toBeLessThan(2_500);
    await expect(text).toHaveText(message('INVALID_CREDENTIALS_MFA_NEW_CODE'), { timeout: 30_000 });
    const action = c.getByTestId('connection-action');
    await expect(action).toHaveText(statusMessagesPtBR.actions.answer_mfa);
    await atEachWidth(page, async (width) => {
      await expect(text).toBeInViewport();
      await expect(action).toBeInViewport();
      await screenshot(page, `mfa-wrong-code-${width}`);
    });
    const afterWrong = await refreshes();

    // The new code goes out with one refresh; the wrong one is never sent again.
    await action.click();
    await expect(code).toBeFocused();
    await expect(code).toHaveValue('');
    await code.fill('654321');
    await mfa.getByRole('button', { name: 'Enviar código' }).click();
    await expect(mfa).toBeHidden();
    await waitUntilSynced(page, bank);
    await expect(text).toHaveText(message('SUCCESS'));
    expect(await refreshes()).toBe(afterWrong + 1);
  });
});
