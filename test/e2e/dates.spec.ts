// Date filters are typed as dd/mm/aaaa whatever the browser's own locale, and filter what they say.
import { card, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

test('transaction and audit date filters take dd/mm/aaaa and apply it', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);
  await expect(card(page)).toBeVisible();

  await openScreen(page, 'Transações');
  const rows = page.getByTestId('transaction-row');
  await expect(rows.nth(5)).toBeVisible();
  // A day from the middle of the list, as the table shows it (dd/mm/aaaa).
  const day = (await rows.nth(5).getByRole('cell').first().innerText()).trim();
  expect(day).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

  const from = page.getByRole('textbox', { name: 'De', exact: true });
  const to = page.getByRole('textbox', { name: 'Até', exact: true });
  await expect(from).toHaveAttribute('placeholder', 'dd/mm/aaaa');
  // Typed digit by digit, the slashes come by themselves.
  await from.pressSequentially(day.replaceAll('/', ''));
  await expect(from).toHaveValue(day);
  await to.pressSequentially(day.replaceAll('/', ''));
  await expect
    .poll(async () => {
      const cells = await rows.evaluateAll((els) =>
        els.map((el) => el.querySelector('[role="cell"]')?.textContent?.trim() ?? ''),
      );
      return cells.length > 0 && cells.every((c) => c === day);
    })
    .toBe(true);
  await screenshot(page, 'transactions-date-filter');

  // An impossible day is refused in words and does not filter.
  await to.fill('31/02/2024');
  await expect(page.getByRole('alert').filter({ hasText: 'Data inválida' })).toHaveText(
    'Data inválida. Use o formato dd/mm/aaaa.',
  );
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'transactions-date-invalid');
  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expect(from).toHaveValue('');
  await expect(to).toHaveValue('');

  await openScreen(page, 'Auditoria', 'Registro de auditoria');
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toBeVisible();
  const auditFrom = page.getByTestId('audit-date-from');
  await auditFrom.pressSequentially('01012100');
  await expect(auditFrom).toHaveValue('01/01/2100');
  await expect(page.getByText('Nenhum registro encontrado.')).toBeVisible();
  await auditFrom.fill('01/01/2000');
  await expect(entries.first()).toBeVisible();
  // A day picked in the browser's calendar shows in the same pattern and filters the same way.
  await expect(page.getByRole('button', { name: 'Escolher no calendário: Até' })).toBeVisible();
  await page.getByTestId('audit-date-to-picker').fill('2000-01-02');
  await expect(page.getByTestId('audit-date-to')).toHaveValue('02/01/2000');
  await expect(page.getByText('Nenhum registro encontrado.')).toBeVisible();
});
