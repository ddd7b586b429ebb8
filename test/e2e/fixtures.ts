// Playwright fixtures: each test gets its own `cofre serve --demo` with a fresh data dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { E2E_TIME_ZONE } from '../helpers/chromium';
import { startCli } from '../helpers/cli';

export interface RunningApp {
  launchUrl: string;
  baseUrl: string;
  dataDir: string;
  /** The demo sandbox's address, when the test asked for its admin routes (`test.use({ demoAdmin: true })`). */
  sandboxUrl: string | null;
}

export const test = base.extend<{ demoAdmin: boolean; app: RunningApp }>({
  demoAdmin: [false, { option: true }],
  app: async ({ demoAdmin }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cofre-e2e-'));
    const launch = /(http:\/\/127\.0\.0\.1:\d+)\/#token=[A-Za-z0-9_-]+/;
    const { child, match } = await startCli(
      // A demo bank sync takes 4 s by default (the real sandbox: minutes); 1 s keeps the suite short.
      [
        'serve',
        '--demo',
        '--demo-execution-ms',
        '1000',
        '--port',
        '0',
        '--data-dir',
        dataDir,
        ...(demoAdmin ? ['--demo-admin'] : []),
      ],
      // With admin routes, wait for the line after the launch URL that gives the sandbox's address.
      demoAdmin ? new RegExp(`${launch.source}[\\s\\S]*admin routes: (http://127\\.0\\.0\\.1:\\d+)`) : launch,
      { TZ: E2E_TIME_ZONE },
    );
    const launchUrl = launch.exec(match[0])![0];
    await use({ launchUrl, baseUrl: match[1]!, dataDir, sandboxUrl: demoAdmin ? match[2]! : null });
    child.kill('SIGTERM');
    // The server may still write its sandbox state as it stops (ENOTEMPTY): rmSync retries those. Its exit is
    // not awaited: the page's open event stream holds the server's close until the page itself goes.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  },
});

export const SCREENSHOTS = join(import.meta.dirname, '../artifacts/screens');
export { expect } from '@playwright/test';
