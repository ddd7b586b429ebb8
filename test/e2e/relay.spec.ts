// Relay pairing through Settings: a wrong token is refused in words, the right one pairs (token gone from
// the screen), Diagnostics shows the link connected, and unpairing asks first and brings the form back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RelayConfig, startRelay, type RunningRelay } from '../../src/relay';
import { openScreen, screenshot } from './app-helpers';
import { expect, test } from './fixtures';

const ADMIN = 'admin-token-for-e2e-0123456789';
let relay: RunningRelay;
let relayDir: string;

test.beforeEach(async () => {
  relayDir = mkdtempSync(join(tmpdir(), 'cofre-e2e-relay-'));
  relay = await startRelay({
    config: RelayConfig.parse({ port: 0, adminToken: ADMIN, dataDir: relayDir, logLevel: 'silent' }),
  });
});

test.afterEach(async () => {
  await relay.close();
  rmSync(relayDir, { recursive: true, force: true });
});

test('pairs with a relay from Settings, shows it connected on Diagnostics, and unpairs', async ({
  page,
  app,
}) => {
  await page.goto(app.launchUrl);
  await openScreen(page, 'Configurações');
  const section = page.getByTestId('relay-settings');
  await expect(section.getByTestId('relay-state')).toHaveText('Não pareado');
  const url = section.getByRole('textbox', { name: 'Endereço do relay' });
  const token = section.getByLabel('Token de administrador do relay');
  const pair = section.getByRole('button', { name: 'Parear com o relay' });

  // Bad input is refused in words before anything is sent, and a wrong token by the relay itself.
  await url.fill('ftp://relay.invalid');
  await token.fill('x');
  await pair.click();
  await expect(section.getByRole('alert')).toHaveText(
    'Informe um endereço que comece com http:// ou https://.',
  );
  await url.fill(relay.url);
  await token.fill('not-the-admin-token-at-all');
  await pair.click();
  await expect(section.getByRole('alert')).toHaveText('O relay recusou este dispositivo.');
  await expect(section.getByTestId('relay-state')).toHaveText('Não pareado');

  await token.fill(ADMIN);
  await pair.click();
  await expect(section.getByTestId('relay-state')).toHaveText('Conectado', { timeout: 15_000 });
  await expect(section).toContainText(relay.url);
  // The admin token was used once: no field holds it any more, and the page never shows it.
  await expect(section.getByTestId('relay-token')).toHaveCount(0);
  expect(await page.content()).not.toContain(ADMIN);
  await screenshot(page, 'settings-relay-paired');

  await openScreen(page, 'Diagnóstico');
  const status = page.getByTestId('relay-status');
  await expect(status.getByTestId('relay-state')).toHaveText('Conectado');
  await expect(status).toContainText(relay.url);
  await expect(status).toContainText('Último aviso recebido');
  await screenshot(page, 'diagnostics-relay');

  await openScreen(page, 'Configurações');
  await section.getByRole('button', { name: 'Desparear do relay' }).click();
  const dialog = page.getByRole('dialog', { name: 'Desparear do relay?' });
  await expect(dialog).toContainText('voltará a conferir os bancos periodicamente');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(section.getByTestId('relay-state')).toHaveText('Conectado');

  await section.getByRole('button', { name: 'Desparear do relay' }).click();
  await dialog.getByRole('button', { name: 'Desparear', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByTestId('relay-state')).toHaveText('Não pareado');
  await expect(section.getByLabel('Token de administrador do relay')).toHaveValue('');

  await openScreen(page, 'Diagnóstico');
  await expect(page.getByTestId('relay-status').getByTestId('relay-state')).toHaveText('Não pareado');
});
