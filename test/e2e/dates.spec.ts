// Date and amount filters take what a Brazilian types ("30/11/2026", "3/11/2026", "R$ 1.000,50") and filter by it.
import type { Page } from '@playwright/test';
import { atEachWidth, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

/** Types into a date field from its first part, as a person does after clicking it. */
async function typeDate(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(`${testId}-input`).getByRole('spinbutton').first().click();
  await page.keyboard.type(text);
}

function shown(page: Page, testId: string) {
  return page.getByTestId(`${testId}-input`);
}

/** "-R$ 1.067,85" as centavos, from its digits. */
function centavos(text: string): number {
  return (/[-−]/.test(text) ? -1 : 1) * Number(text.replace(/[^\d]/g, ''));
}

test('typed dates give the day typed, with or without a leading zero', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await openScreen(page, 'Transações');
  await expect(shown(page, 'date-from')).toHaveText('dd/mm/aaaa');
  await typeDate(page, 'date-from', '30/11/2026');
  await expect(shown(page, 'date-from')).toHaveText('30/11/2026');
  await typeDate(page, 'date-to', '3/11/2026');
  await expect(shown(page, 'date-to')).toHaveText('03/11/2026');
  await typeDate(page, 'date-to', '3/1/2027');
  await expect(shown(page, 'date-to')).toHaveText('03/01/2027');
  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expect(shown(page, 'date-from')).toHaveText('dd/mm/aaaa');
  // The calendar picks a day too, shown the same way.
  await page.getByRole('button', { name: 'Escolher no calendário: De' }).click();
  const calendar = page.getByRole('dialog', { name: 'De' });
  await expect(calendar).toBeVisible();
  await calendar.getByRole('gridcell').filter({ hasText: /^15$/ }).first().click();
  await expect(shown(page, 'date-from')).toHaveText(/^15\/\d{2}\/\d{4}$/);
});

test('date and amount filters apply what was typed, at 1024, 1366 and 1920 px', async ({ page, app }) => {
  test.setTimeout(150_000); // a bank connected through the real Connect page, then three widths
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);

  await openScreen(page, 'Transações');
  const rows = page.getByTestId('transaction-row');
  await expect(rows.nth(5)).toBeVisible();
  const day = (await rows.nth(5).getByRole('cell').first().innerText()).trim();
  expect(day).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  // "from" as shown, "to" without leading zeros ("05/03/2026" typed "5/3/2026"): the same day.
  await typeDate(page, 'date-from', day);
  await typeDate(page, 'date-to', day.replace(/(^|\/)0/g, '$1'));
  await expect(shown(page, 'date-to')).toHaveText(day);
  await expect
    .poll(async () => {
      const cells = await rows.evaluateAll((els) =>
        els.map((el) => el.querySelector('[role="cell"]')?.textContent?.trim() ?? ''),
      );
      return cells.length > 0 && cells.every((c) => c === day);
    })
    .toBe(true);
  await page.getByRole('button', { name: 'Limpar filtros' }).click();

  // Amounts as a Brazilian writes them; each one keeps only rows of at least R$ 1.000,50.
  const min = page.getByTestId('amount-min');
  for (const typed of ['1.000,50', '1000,50', 'R$ 1.000,50']) {
    await min.fill('');
    await min.pressSequentially(typed);
    await min.press('Enter');
    await expect(min).toHaveValue(/^R\$\s1\.000,50$/);
    await expect
      .poll(async () => {
        const amounts = await rows.evaluateAll((els) =>
          els.map((el) => el.querySelector('[data-testid="transaction-amount"]')?.textContent ?? ''),
        );
        return amounts.length > 0 && amounts.every((a) => Math.abs(centavos(a)) >= 100050);
      })
      .toBe(true);
  }
  await atEachWidth(page, async (width) => {
    await expect(min).toBeVisible();
    await expect(shown(page, 'date-to')).toBeVisible();
    await screenshot(page, `transactions-amount-filter-${String(width)}`);
  });

  // The audit log's filter is the same field.
  await openScreen(page, 'Auditoria', 'Registro de auditoria');
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toBeVisible();
  await typeDate(page, 'audit-date-from', '1/1/2100');
  await expect(shown(page, 'audit-date-from')).toHaveText('01/01/2100');
  await expect(page.getByText('Nenhum registro encontrado.')).toBeVisible();
  await typeDate(page, 'audit-date-from', '01/01/2000');
  await expect(entries.first()).toBeVisible();
});
