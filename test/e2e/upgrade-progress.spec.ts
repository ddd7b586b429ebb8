// Opening the app on a data dir whose DB must be converted and migrated: the page shows the upgrade's
// progress ("Atualizando seus dados: N%") from the first moment, then the app with every row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from '../helpers/cli';
import { makeUpgradingDataDir } from '../helpers/upgrading-data-dir';
import { screenshot } from './app-helpers';
import { expect, test } from './fixtures';

const ROWS = 30_000;

test('a long upgrade shows its progress, then the app with every row', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'cofre-e2e-upgrade-'));
  makeUpgradingDataDir(dataDir, ROWS);
  const { child, match } = await startCli(
    ['serve', '--demo', '--port', '0', '--data-dir', dataDir],
    /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/,
  );
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${match[0]}`);
    const startup = page.getByTestId('startup');
    const heading = startup.getByRole('heading', { name: /^Atualizando seus dados: \d+%$/ });
    await expect(heading).toBeVisible({ timeout: 60_000 });
    await expect(startup.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
    const first = Number(/(\d+)%/.exec((await heading.textContent()) ?? '')?.[1]);
    await screenshot(page, 'startup-upgrading');
    // The percent moves while the host keeps answering; then the app replaces the status screen.
    await expect
      .poll(
        async () => Number(/(\d+)%/.exec((await heading.textContent().catch(() => '')) ?? '')?.[1] ?? 100),
        {
          timeout: 120_000,
        },
      )
      .toBeGreaterThan(first);
    await expect(startup).toBeHidden({ timeout: 120_000 });
    await page.goto(`${new URL(match[0]).origin}/#/transactions`);
    await expect(page.getByTestId('transaction-row').first()).toBeVisible({ timeout: 30_000 });
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
