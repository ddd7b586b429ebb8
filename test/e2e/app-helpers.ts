// Steps the end-to-end tests share: connect a sandbox bank through the demo Connect page, open screens.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SCREENSHOTS, expect } from './fixtures';

export interface ConnectOptions {
  /** The connector's name as the Connect page lists it. */
  connector?: string;
  user: string;
  password?: string;
  /** For connectors that ask for a token in the Connect page (2-step MFA). */
  mfaToken?: string;
}

/** Opens "Conectar um banco", logs in on the sandbox's Connect page, and waits for the dialog to close. */
export async function connectBank(page: Page, options: ConnectOptions): Promise<void> {
  await openScreen(page, 'Conexões');
  await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog).toBeVisible();
  const frame = dialog.frameLocator('iframe');
  await frame
    .getByRole('button', { name: options.connector ?? 'Pluggy Bank', exact: true })
    .first()
    .click();
  await frame.locator('#f-user').fill(options.user);
  await frame.locator('#f-password').fill(options.password ?? 'password-ok');
  await frame.getByRole('button', { name: 'Conectar' }).click();
  if (options.mfaToken) {
    await frame.locator('#f-token').fill(options.mfaToken);
    await frame.getByRole('button', { name: 'Enviar' }).click();
  }
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

export function card(page: Page, bank = 'Pluggy Bank'): Locator {
  return page.getByRole('article', { name: bank, exact: true });
}

/** Waits until the link's first sync has finished (the card says all is well and no sync runs). */
export async function waitUntilSynced(page: Page, bank = 'Pluggy Bank'): Promise<void> {
  const c = card(page, bank);
  await expect(c.getByTestId('connection-badge')).toHaveText('Conectado', { timeout: 45_000 });
  await expect(c.getByTestId('sync-now')).toBeEnabled({ timeout: 45_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Clicks a link of the main navigation and waits for the screen's heading (the link's name by default). */
export async function openScreen(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

/** The window widths every screen must work at (a small laptop, the common one, a desktop monitor). */
export const WIDTHS = [1024, 1366, 1920] as const;

/** Runs `check` with the window at each of WIDTHS, failing on any horizontal scroll of the page. */
export async function atEachWidth(page: Page, check: (width: number) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await check(width);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
  }
}

/** Connects one sandbox user and waits for its card to show the outcome (not the end of its first sync). */
export async function connectUsers(page: Page, users: readonly string[]): Promise<void> {
  for (const user of users) await connectBank(page, { user });
}
