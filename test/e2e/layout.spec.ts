// The demo's worst state — every sandbox test user connected — on every screen at 1024, 1366 and 1920 px: no
// horizontal scroll, the sidebar stays put, a screen opens at its top, links needing the person come first
// with a banner that Diagnostics agrees with; demo mode lists its test users in Connect; the tab has Cofre's
// icon. Screenshots of each screen at each width go to test/artifacts/screens/worst-*.png.
import { SANDBOX_USERS } from '../../src/sandbox/items/outcomes';
import { WIDTHS, atEachWidth, connectBank, connectUsers, openScreen, screenshot } from './app-helpers';
import { expect, test } from './fixtures';

const SCREENS = [
  'Conexões',
  'Contas',
  'Investimentos',
  'Cartões',
  'Transações',
  'Auditoria',
  'Revisão de segurança',
  'Configurações',
  'Diagnóstico',
] as const;

test('every screen fits 1024, 1366 and 1920 px with every demo user connected, links needing the person first', async ({
  page,
  app,
}) => {
  // About 20 links through the real Connect page, then 27 full-page screenshots on a shared machine.
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(app.launchUrl);
  expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
  expect((await page.request.get(new URL('/favicon.svg', app.baseUrl).href)).ok()).toBe(true);

  await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
  const users = page.getByTestId('demo-users');
  // Connect lists every test user the sandbox has, and the password they share, at every width.
  await atEachWidth(page, async (width) => {
    for (const user of SANDBOX_USERS) await expect(users.getByText(user, { exact: true })).toBeVisible();
    await expect(users).toContainText('password-ok');
    await screenshot(page, `connect-demo-users-${width}`);
  });
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.keyboard.press('Escape');

  // Every named sandbox user and the 2-step MFA bank: the demo's worst state. (A wrong password is retyped in
  // the Connect window itself and makes no link.)
  await connectUsers(page, SANDBOX_USERS);
  await connectBank(page, { connector: 'Pluggy Bank MFA 2-step', user: 'user-ok', mfaToken: '123456' });
  const cards = page.getByTestId('connection-card');
  await expect(cards).toHaveCount(SANDBOX_USERS.length + 1);
  // Every first sync has ended (no card still says it is reading or updating).
  await expect(cards.filter({ hasText: /ainda não terminou|Atualizando/ })).toHaveCount(0, {
    timeout: 90_000,
  });
  // A card says a thing once: the other session's card has its message and no second sentence repeating it.
  const otherSession = cards.filter({ hasText: 'Há outra sessão aberta' });
  await expect(otherSession).toHaveCount(1);
  await expect(otherSession.getByTestId('connection-note')).toHaveCount(0);
  const banner = page.getByTestId('attention-banner');
  await expect(banner).toHaveText(/^\d+ conexões precisam de você$/);
  const attention = await banner.innerText();
  // The links needing the person come first: the first card is one of them (it is not calm).
  await expect(cards.first().getByTestId('connection-badge')).not.toHaveText('Conectado');

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const name of SCREENS) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('navigation').getByRole('link', { name, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('Carregando…')).toHaveCount(0, { timeout: 20_000 });
      expect(await page.evaluate(() => window.scrollY), `${name} opens at its top`).toBe(0);
      await page.mouse.wheel(0, 2000);
      const nav = await page.getByRole('navigation').boundingBox();
      expect(nav!.y, `the sidebar stays in place on ${name}`).toBeGreaterThanOrEqual(-1);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `worst-${width}-${name}`);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => `${e.tagName}.${e.className}`)
          .slice(0, 5),
      );
      expect(wide, `${name} scrolls sideways at ${width} px`).toEqual([]);
    }
  }
  await openScreen(page, 'Diagnóstico');
  await expect(page.getByTestId('health-status')).toHaveText(attention);
});
