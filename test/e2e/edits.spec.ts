// The transaction detail panel in Chromium: recategorise a row (the bank's category stays beside the
// person's), make a rule from it with its preview, find the rule under Regras, and read the row's history;
// at 1024, 1366 and 1920 px.
import type { Page } from '@playwright/test';
import { WIDTHS, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

const MERCHANT = 'iFood';
const MINE = 'Comer fora';

/** Charts re-measure a moment after the window shrinks: poll until the layout has settled. */
async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  await expect
    .poll(
      () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      { message: `horizontal scroll at ${width} px` },
    )
    .toBeLessThanOrEqual(0);
}

test('recategorise a transaction in its detail panel, make a rule from it with its preview, see the rule and the history', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await openScreen(page, 'Transações');

  const rows = page.getByTestId('transaction-row');
  await page.getByTestId('transaction-search').fill(MERCHANT);
  await expect
    .poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 1 && texts.every((t) => t.includes(MERCHANT));
    })
    .toBe(true);
  const bankCategory = (await rows.first().getByTestId('transaction-category').innerText()).trim();
  expect(bankCategory).not.toBe('');

  // Open the first row: every field the bank sent, its category among them.
  await rows.first().click();
  const detail = page.getByTestId('transaction-detail');
  await expect(detail).toBeVisible();
  const fields = detail.getByTestId('detail-fields');
  await expect(fields).toContainText('Categoria do banco');
  await expect(fields).toContainText(bankCategory);
  await expect(fields).toContainText(MERCHANT);
  // In words: the card's fatura by its due date, never the bank's bill id.
  await expect(fields).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  const history = detail.getByTestId('detail-history');
  // A sync run is named by its day and time, as the ledger names it ("sincronização de 05/12 04:18").
  await expect(history.locator('li[data-kind="created"]')).toContainText(
    /Criada pela sincronização de \d{2}\/\d{2} \d{2}:\d{2}/,
  );

  // Recategorise: the person's category is saved beside the bank's, and the history says who changed what.
  await detail.getByTestId('detail-category').fill(MINE);
  await detail.getByTestId('detail-save').click();
  // Said in the panel itself (a toast sits under the modal panel).
  await expect(detail.getByTestId('detail-done')).toHaveText('Edições salvas.');
  await expect(history.locator('li[data-kind="edited"]')).toContainText(`Categoria: a do banco → ${MINE}`);
  await expect(history.locator('li[data-kind="edited"]')).toContainText('por você');
  await expect(fields).toContainText(bankCategory);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await noSidewaysScroll(page, width);
    await screenshot(page, `edits-detail-${width}`);
  }

  // A rule from this row: the preview names the other rows of the merchant before anything is saved.
  await detail.getByTestId('detail-create-rule').click();
  const form = detail.getByTestId('rule-form');
  await expect(form.getByTestId('rule-text')).toHaveValue(MERCHANT);
  await expect(form.getByTestId('rule-category')).toHaveValue(MINE);
  const save = form.getByRole('button', { name: 'Salvar e aplicar' });
  await expect(save).toBeDisabled();
  await form.getByRole('button', { name: 'Ver o que muda' }).click();
  const preview = form.getByTestId('rule-preview');
  await expect(preview).toContainText(/\d+ transações mudariam\./);
  const changing = Number(/(\d+) transações/.exec(await preview.innerText())![1]);
  expect(changing).toBeGreaterThan(1);
  // Each row the rule would change, with the bank's category beside the new one; the row already
  // recategorised keeps the person's choice and is not among them.
  const items = preview.getByRole('listitem');
  await expect(items).toHaveCount(Math.min(changing, 50));
  await expect(items.first()).toContainText(`Categoria: ${bankCategory} (do banco) → ${MINE}`);
  await expect(items.filter({ hasText: /IFOOD/i })).toHaveCount(Math.min(changing, 50));
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, `edits-rule-preview-${width}`);
  }
  await save.click();
  await expect(form).toHaveCount(0);
  await expect(detail.getByTestId('detail-done')).toHaveText(`Regra salva; ${changing} transações mudaram.`);
  await detail.getByRole('button', { name: 'Fechar' }).click();
  await expect(detail).toHaveCount(0);

  // Every row of the merchant now shows the person's category with the bank's beside it (in brackets).
  await expect
    .poll(async () =>
      (await rows.getByTestId('transaction-category').allInnerTexts()).every(
        (t) => t.includes(MINE) && /\(.+\)/.test(t),
      ),
    )
    .toBe(true);

  // The rule is listed under Regras.
  await page.getByTestId('open-rules').click();
  const rules = page.getByTestId('rules-dialog');
  await expect(rules.getByTestId('rule-item')).toHaveCount(1);
  await expect(rules.getByTestId('rule-item')).toContainText(
    `quando o estabelecimento contém "${MERCHANT}" → categoria "${MINE}"`,
  );
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await noSidewaysScroll(page, width);
    await screenshot(page, `edits-rules-${width}`);
  }
  // Applying every rule at once says so (no rule was saved).
  await rules.getByRole('button', { name: 'Aplicar todas agora' }).click();
  await expect(rules.getByTestId('rules-done')).toHaveText(
    /^Regras aplicadas; \d+ transaç(ão mudou|ões mudaram)\.$/,
  );
  await rules.getByRole('button', { name: 'Fechar' }).click();

  // Another row of the merchant: its history shows the rule's edit, and the panel names the rule.
  await rows.nth(1).click();
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('detail-category')).toHaveValue(MINE);
  await expect(detail.getByTestId('category-rule')).toContainText(MERCHANT);
  await expect(history.locator('li[data-kind="created"]')).toContainText('Criada pela sincronização');
  await expect(history.locator('li[data-kind="edited"]')).toContainText(`Categoria: a do banco → ${MINE}`);
  await expect(history.locator('li[data-kind="edited"]')).toContainText('pela regra');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `edits-detail-by-rule-${width}`);
  }
});

test('giving two rows of one merchant the same category offers a rule in the panel', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await openScreen(page, 'Transações');
  const rows = page.getByTestId('transaction-row');
  await page.getByTestId('transaction-search').fill('Uber');
  await expect
    .poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 2 && texts.every((t) => t.includes('Uber'));
    })
    .toBe(true);

  const detail = page.getByTestId('transaction-detail');
  for (const n of [0, 1]) {
    await rows.nth(n).click();
    await detail.getByTestId('detail-category').fill('Transporte');
    await detail.getByTestId('detail-save').click();
    await expect(detail.getByTestId('detail-done')).toHaveText('Edições salvas.');
    if (n === 0) {
      await expect(detail.getByTestId('rule-suggestion')).toHaveCount(0);
      await detail.getByRole('button', { name: 'Fechar' }).click();
    }
  }
  // The second time, the panel offers the rule (it outlives the panel's refresh after the save).
  const suggestion = detail.getByTestId('rule-suggestion');
  await expect(suggestion).toContainText(
    'Você deu a categoria "Transporte" a 2 transações de "Uber". Criar uma regra?',
  );
  await page.setViewportSize({ width: 1366, height: 900 });
  await screenshot(page, 'edits-suggestion-1366');
  await suggestion.getByRole('button', { name: 'Criar regra' }).click();
  const form = detail.getByTestId('rule-form');
  await expect(form.getByTestId('rule-text')).toHaveValue('Uber');
  await expect(form.getByTestId('rule-category')).toHaveValue('Transporte');
  await form.getByRole('button', { name: 'Ver o que muda' }).click();
  await expect(form.getByTestId('rule-preview')).toContainText('mudaria');
  await form.getByRole('button', { name: 'Salvar e aplicar' }).click();
  await expect(detail.getByTestId('detail-done')).toContainText('Regra salva;');
  await expect(suggestion).toHaveCount(0);
});
