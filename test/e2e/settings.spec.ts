// Settings say when saved Pluggy changes wait for a restart of Cofre.
import { openScreen, screenshot } from './app-helpers';
import { expect, test } from './fixtures';

test('saving Pluggy credentials in demo mode says they apply after a restart', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await openScreen(page, 'Configurações');
  await expect(page.getByTestId('secret-state')).toBeVisible();
  await expect(page.getByTestId('restart-required')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Client ID' }).fill('6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
  await page.getByLabel('Client Secret').fill('a-client-secret-for-e2e');
  await page.getByRole('button', { name: 'Salvar credenciais' }).click();
  await expect(page.getByTestId('secret-state')).toHaveText(/Um Client Secret está guardado/);
  await expect(page.getByTestId('restart-required')).toHaveText(
    'As mudanças salvas nas credenciais do Pluggy ou no modo demonstração valem depois que você reiniciar o Cofre.',
  );
  await screenshot(page, 'settings-restart-required');
});
