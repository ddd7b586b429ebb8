import { join } from 'node:path';
import { atEachWidth, connectBank, openScreen, screenshot } from './app-helpers';
import { SCREENSHOTS, expect, test } from './fixtures';

test('the Diagnostics screen answers in plain Portuguese, counts the links needing the person, and keeps codes for support', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await expect(page).toHaveURL(`${app.baseUrl}/`);
  await page.getByRole('link', { name: 'Diagnóstico' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnóstico', level: 1 })).toBeVisible();
  await expect(page.getByTestId('health-status')).toHaveText('Tudo funcionando');

  // A refused login: Cofre itself works, yet the screen must not say all is well.
  await connectBank(page, { user: 'user-locked' });
  await expect(page.getByTestId('attention-banner')).toHaveText('1 conexão precisa de você', {
    timeout: 30_000,
  });
  await openScreen(page, 'Diagnóstico');
  await expect(page.getByTestId('health-status')).toHaveText('1 conexão precisa de você');
  await expect(page.getByTestId('health-checks')).toContainText('Pasta de dados gravável');
  await expect(page.getByTestId('health-checks')).toContainText('O Cofre consegue gravar nesta pasta.');
  await expect(page.getByTestId('health-facts')).toContainText(app.dataDir);
  await expect(page.getByTestId('relay-status').getByTestId('relay-state')).toHaveText('Não pareado');
  await expect(page.getByTestId('database-facts')).toContainText('Versão do esquema');
  await expect(page.getByTestId('cache-health')).toContainText('Funcionando');
  await expect(page.getByTestId('connection-statuses')).toContainText('bloqueada');
  await expect(page.getByTestId('sync-runs').locator('li').first()).toBeVisible();
  await page.getByTestId('sync-runs').locator('summary').first().click();

  // No raw JSON, codes, run ids or English sentences until support details are asked for.
  const screen = page.locator('main');
  const text = await screen.innerText();
  expect(text).not.toMatch(/[{}"]|runId|=|\b(UPDATED|LOGIN_ERROR|SUCCESS|ACCOUNT_LOCKED|audit_log)\b/);
  expect(text).not.toMatch(/\b(the|is|not|never|paired|polls|encrypted|bytes|sandbox)\b/i);
  await expect(page.getByTestId('support-report')).toHaveCount(0);
  await atEachWidth(page, async (width) => {
    await expect(page.getByTestId('health-status')).toBeVisible();
    await screenshot(page, `diagnostics-${width}`);
  });

  await page.getByTestId('support-toggle').click();
  await expect(page.getByTestId('database-rows')).toContainText('audit_log');
  await expect(page.getByTestId('connection-statuses')).toContainText('LOGIN_ERROR');
  await expect(page.getByTestId('support-report')).toContainText('Cofre support report');
  await page.getByRole('button', { name: 'Verificar integridade do banco' }).click();
  await expect(page.getByTestId('integrity-result')).toHaveText(
    'Banco de dados íntegro: o SQLite não encontrou nenhum problema.',
  );
  // Codes and the support report are long unbroken strings: they wrap, never widen the page.
  await atEachWidth(page, async (width) => {
    await expect(page.getByTestId('support-report')).toBeVisible();
    await screenshot(page, `diagnostics-support-${width}`);
  });
});

test('switching to English translates the shell and the screen', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await page.getByRole('link', { name: 'Configurações' }).click();
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Diagnostics' }).click();
  await expect(page.getByTestId('health-status')).toHaveText('Everything works');
  await page.screenshot({ path: join(SCREENSHOTS, 'diagnostics-en.png'), fullPage: true });
});

test('a page opened without the launch token explains itself instead of showing data', async ({
  page,
  app,
}) => {
  await page.goto(`${app.baseUrl}/`);
  await expect(page.getByRole('alert')).toContainText('Esta página não está autorizada');
});
