// Playwright: the real UI in Debian's Chromium (never a downloaded browser), against `cofre serve`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, E2E_TIME_ZONE } from './helpers/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './artifacts/playwright',
  timeout: 120_000, // two tests share 2 cores in CI; a connect and two syncs under that load can pass a minute
  // Each test starts its own `cofre serve` and data dir, so two run side by side safely; most of a test is
  // waiting on the demo bank's simulated delays.
  workers: 2,
  reporter: process.env['PW_JSON_OUTPUT']
    ? [['list'], ['json', { outputFile: process.env['PW_JSON_OUTPUT'] }]]
    : 'list',
  use: {
    browserName: 'chromium',
    locale: 'pt-BR',
    timezoneId: E2E_TIME_ZONE,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
