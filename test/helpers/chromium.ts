// Debian's Chromium for vitest files that drive a page (never a downloaded browser), headless and quiet.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * The e2e page's time zone, and the `cofre serve` process's too: on a person's machine both are the machine's,
 * so a "today" the core writes is the page's today (with the core in UTC, 21:00–24:00 in São Paulo was tomorrow).
 */
export const E2E_TIME_ZONE = 'America/Sao_Paulo';

/** Headless, no GPU, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
