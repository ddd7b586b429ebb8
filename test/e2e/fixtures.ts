// Playwright fixtures: each test gets its own `cofre serve --demo` with a fresh data dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startCli } from '../helpers/cli';

export interface RunningApp {
  launchUrl: string;
  baseUrl: string;
  dataDir: string;
}

export const test = base.extend<{ app: RunningApp }>({
  // Playwright reads the fixture list from the destructuring pattern, so an empty one is required here.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cofre-e2e-'));
    const { child, match } = await startCli(
      // A demo bank sync takes 4 s by default (the real sandbox: minutes); 1 s keeps the suite short.
      ['serve', '--demo', '--demo-execution-ms', '1000', '--port', '0', '--data-dir', dataDir],
      /(http:\/\/127\.0\.0\.1:\d+)\/#token=[A-Za-z0-9_-]+/,
    );
    await use({ launchUrl: match[0], baseUrl: match[1]!, dataDir });
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export const SCREENSHOTS = join(import.meta.dirname, '../artifacts/screens');
export { expect } from '@playwright/test';
