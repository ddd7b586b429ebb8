// Backups from Settings (made, downloaded, checked and staged for restore; a tampered one refused), at 1024
// and 1366 px.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

const WIDTHS = [1024, 1366] as const;

async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
}

test('a backup made in Settings downloads, a changed copy is refused, the real one is checked and staged', async ({
  page,
  app,
}, testInfo) => {
  // A passphrase costs scrypt (128 MiB, ~0.5 s on a quiet machine) at every make and check.
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);

  await openScreen(page, 'Configurações');
  const form = page.getByTestId('backup-form');
  await expect(form.getByTestId('backup-last')).toHaveText('Nenhuma cópia feita ainda.');
  await form.getByTestId('backup-with-passphrase').check();
  await form.getByTestId('backup-passphrase').fill('short');
  await form.getByTestId('backup-create').click();
  await expect(form.getByRole('alert')).toHaveText('A frase secreta precisa de pelo menos 8 caracteres.');
  await form.getByTestId('backup-passphrase').fill('correct horse battery');
  const downloading = page.waitForEvent('download');
  await form.getByTestId('backup-create').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cofre-backup-.*\.cofrebak$/);
  const file = testInfo.outputPath('backup.cofrebak');
  await download.saveAs(file);
  await expect(form.getByTestId('backup-made')).toContainText('Cópia feita:', { timeout: 30_000 });
  await expect(form.getByTestId('backup-last')).toContainText('Última cópia:');

  const restore = page.getByTestId('restore-form');
  const tampered = Buffer.from(readFileSync(file));
  tampered[tampered.length - 100]! ^= 0x01;
  const tamperedFile = join(testInfo.outputDir, 'tampered.cofrebak');
  writeFileSync(tamperedFile, tampered);
  await restore.getByTestId('restore-file').setInputFiles(tamperedFile);
  await restore.getByTestId('restore-passphrase').fill('correct horse battery');
  await restore.getByTestId('restore-submit').click();
  await expect(restore.getByTestId('restore-error')).toHaveText(
    'A cópia está danificada ou foi alterada (cortada ou com bytes trocados). Nada foi mudado.',
    { timeout: 30_000 },
  );

  await restore.getByTestId('restore-file').setInputFiles(file);
  await restore.getByTestId('restore-passphrase').fill('wrong horse battery');
  await restore.getByTestId('restore-submit').click();
  await expect(restore.getByTestId('restore-error')).toHaveText(
    'A frase secreta não abre esta cópia. Nada foi mudado.',
    { timeout: 30_000 },
  );
  await restore.getByTestId('restore-passphrase').fill('correct horse battery');
  await restore.getByTestId('restore-submit').click();
  await expect(restore.getByTestId('restore-done')).toContainText(
    'Reinicie o Cofre para concluir a restauração.',
    { timeout: 30_000 },
  );
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await noSidewaysScroll(page, width);
    await screenshot(page, `backup-settings-${width}`);
  }
});
