import { join } from 'node:path';
import { SCREENSHOTS, expect, test } from './fixtures';

test('the Diagnostics screen answers with the core health in pt-BR', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await expect(page).toHaveURL(`${app.baseUrl}/`);
  await page.getByRole('link', { name: 'Diagnóstico' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnóstico', level: 1 })).toBeVisible();
  await expect(page.getByTestId('health-status')).toHaveText('Tudo funcionando');
  await expect(page.getByTestId('health-checks')).toContainText('Pasta de dados gravável');
  await expect(page.getByTestId('health-facts')).toContainText(app.dataDir);
  await expect(page.getByTestId('relay-status').getByTestId('relay-state')).toHaveText('Não pareado');
  await expect(page.getByTestId('database-facts')).toContainText('Versão do esquema');
  await expect(page.getByTestId('cache-health')).toContainText('Funcionando');
  await expect(page.getByTestId('database-rows')).toContainText('audit_log');
  await page.getByRole('button', { name: 'Verificar integridade do banco' }).click();
  await expect(page.getByTestId('integrity-result')).toHaveText(
    'Banco de dados íntegro: o SQLite não encontrou nenhum problema.',
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'diagnostics.png'), fullPage: true });
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
