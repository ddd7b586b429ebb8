// Layout and texts at 1024, 1366 and 1920 px: no horizontal scroll on any screen, the sidebar stays put, a
// screen opens at its top; links needing the person come first with a banner that Diagnostics agrees with;
// demo mode lists its test users in Connect; the tab has Cofre's icon.
import { atEachWidth, connectUsers, openScreen, screenshot } from './app-helpers';
import { expect, test } from './fixtures';

const SCREENS = [
  ['Conexões', 'Conexões'],
  ['Contas', 'Contas'],
  ['Cartões', 'Cartões'],
  ['Transações', 'Transações'],
  ['Auditoria', 'Registro de auditoria'],
  ['Configurações', 'Configurações'],
  ['Diagnóstico', 'Diagnóstico'],
] as const;

test('every screen fits 1024, 1366 and 1920 px, with links needing the person first', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await page.goto(app.launchUrl);
  expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
  expect((await page.request.get(new URL('/favicon.svg', app.baseUrl).href)).ok()).toBe(true);

  await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
  const users = page.getByTestId('demo-users');
  await expect(users).toContainText('user-locked');
  await expect(users).toContainText('password-ok');
  await screenshot(page, 'connect-demo-users');
  await page.keyboard.press('Escape');

  await connectUsers(page, ['user-ok', 'user-locked', 'user-unavailable']);
  await expect(page.getByTestId('attention-banner')).toHaveText('1 conexão precisa de você', {
    timeout: 30_000,
  });
  // The refused login is the first card.
  await expect(page.getByTestId('connection-card').first()).toContainText('bloqueada');

  await atEachWidth(page, async (width) => {
    for (const [name, heading] of SCREENS) {
      await openScreen(page, name, heading);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.mouse.wheel(0, 2000);
      const nav = await page.getByRole('navigation').boundingBox();
      expect(nav!.y).toBeGreaterThanOrEqual(-1); // the sidebar did not scroll away
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `layout-${width}-${name}`);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => `${e.tagName}.${e.className}`)
          .slice(0, 5),
      );
      expect(wide, `${name} scrolls sideways at ${width} px`).toEqual([]);
    }
  });
  await openScreen(page, 'Diagnóstico');
  await expect(page.getByTestId('health-status')).toHaveText('1 conexão precisa de você');
});
