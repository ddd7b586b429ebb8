// Switching to English translates every visible string: no pt-BR message is left on any screen.
import { en } from '../../src/renderer/i18n/en';
import { ptBR } from '../../src/renderer/i18n/pt-BR';
import { connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/** Every pt-BR message that differs from English, as a pattern that matches it with any values filled in. */
function portugueseOnlyPatterns(): { key: string; pattern: RegExp }[] {
  const pt = flatten(ptBR as unknown as Tree);
  const english = new Set(flatten(en as unknown as Tree).values());
  const patterns: { key: string; pattern: RegExp }[] = [];
  for (const [key, value] of pt) {
    if (english.has(value)) continue;
    const literal = value.split(/\{\{\w+\}\}/);
    // "{{number}} de {{total}}" would match any bank text with " de " in it, such as "Financiamento de Veículo".
    if (literal.join('').replace(/[^\p{L}]/gu, '').length < 4) continue;
    const source = literal.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?');
    patterns.push({ key, pattern: new RegExp(`^${source}$`) });
  }
  return patterns;
}

test('in English no screen shows a pt-BR string', async ({ page, app }) => {
  test.setTimeout(90_000);
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  // An Open Finance link whose consent is near its end: the consent line, its warning and the consent centre.
  await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
  const connect = page.getByTestId('connect-dialog').frameLocator('iframe');
  await connect.getByRole('button', { name: 'Itaú', exact: true }).click();
  await connect.locator('#f-cpf').fill('00000000030');
  await connect.getByRole('button', { name: 'Conectar' }).click();
  await waitUntilSynced(page, 'Itaú');
  await openScreen(page, 'Configurações');
  await expect(page.getByTestId('secret-state')).toBeVisible();
  await screenshot(page, 'settings');
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  const patterns = portugueseOnlyPatterns();
  const leftovers = new Map<string, string>();
  const collect = async (where: string) => {
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (text && parent && (parent.closest('option') || parent.checkVisibility())) out.push(text);
      }
      for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
        for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
          const value = el.getAttribute(attr)?.trim();
          if (value) out.push(value);
        }
      }
      return out;
    });
    for (const text of texts) {
      const hit = patterns.find((p) => p.pattern.test(text));
      if (hit) leftovers.set(`${where}: "${text}"`, hit.key);
    }
  };

  const screens: [string, string][] = [
    ['Connections', 'en-connections'],
    ['Accounts', 'en-accounts'],
    ['Cards', 'en-cards'],
    ['Transactions', 'en-transactions'],
    ['Audit log', 'en-audit'],
    ['Diagnostics', 'en-diagnostics'],
    ['Settings', 'en-settings'],
  ];
  for (const [name, shot] of screens) {
    await openScreen(page, name);
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
    await collect(name);
    await screenshot(page, shot);
  }
  await openScreen(page, 'Diagnostics');
  await page.getByRole('button', { name: 'Check database integrity' }).click();
  await expect(page.getByTestId('integrity-result')).toHaveText('Database intact: SQLite found no problem.');
  await collect('Integrity result');
  await openScreen(page, 'Transactions');
  // English dates follow the English order; a wrong one is explained in English.
  await expect(page.getByTestId('date-from-input')).toHaveText('mm/dd/yyyy');
  await page.getByTestId('date-from-input').getByRole('spinbutton').first().click();
  await page.keyboard.type('11/3/2026');
  await expect(page.getByTestId('date-from-input')).toHaveText('11/03/2026');
  await collect('Typed date');
  await openScreen(page, 'Connections');
  await page.getByRole('button', { name: 'Disconnect Pluggy Bank' }).click();
  await collect('Disconnect dialog');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('consent-summary')).toContainText('expires in 25 days');
  await page.getByRole('button', { name: 'See consent (Itaú)' }).click();
  await expect(page.getByTestId('consent-dialog')).toContainText('When the consent lapses');
  await collect('Consent centre');
  await screenshot(page, 'en-consent');
  await page.getByTestId('consent-dialog').getByRole('button', { name: 'Close' }).last().click();
  await page.getByTestId('notice-bell').click();
  await collect('Notices');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await collect('Shortcuts');
  await screenshot(page, 'en-shortcuts');
  expect([...leftovers.entries()]).toEqual([]);
});
