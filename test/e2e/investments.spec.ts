// The Investimentos screen and loans on Accounts in demo mode: positions by kind, movements, loans, net worth,
// and a bank that does not report investments said so in words.
import { formatMoney } from '../../src/renderer/format';
import type { CardView } from '../../src/shared/contract';
import { connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

for (const width of [1024, 1366]) {
  test(`Investimentos and loans at ${width} px`, async ({ page, app }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(app.launchUrl);
    await connectBank(page, { user: 'user-ok' });
    await waitUntilSynced(page);

    // A bank whose link covers neither investments nor loans.
    await openScreen(page, 'Conexões');
    await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
    const dialog = page.getByTestId('connect-dialog');
    const frame = dialog.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Nubank', exact: true }).first().click();
    await frame.locator('#f-cpf').fill('76109277673');
    await frame.getByRole('button', { name: 'Conectar' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await waitUntilSynced(page, 'Nubank');

    await openScreen(page, 'Investimentos');
    const groups = page.getByTestId('investment-group');
    for (const name of ['Renda fixa', 'Tesouro Direto', 'Fundos', 'Ações e FIIs', 'Previdência'])
      await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
    expect(await groups.count()).toBe(5);
    await expect(page.getByTestId('investments-coverage')).toContainText(
      'Nubank não informa investimentos por esta conexão.',
    );
    const cdb = page.getByTestId('investment-row').filter({ hasText: 'CDB Pluggy 110% CDI' });
    await expect(cdb).toContainText('110% do CDI');
    await expect(cdb).toContainText('R$');
    // A fund without a profit figure says so instead of showing zero.
    await expect(page.getByTestId('investment-row').filter({ hasText: 'Multimercado' })).toContainText(
      'não informado',
    );
    // The cards count through their faturas: the open one and what is left on the last closed one.
    await expect(page.getByTestId('net-worth')).toContainText('a fatura aberta de cada cartão');
    const cards = await page.evaluate(() =>
      (
        window as unknown as {
          cofre: { invoke: (c: string, i: object) => Promise<{ ok: boolean; value: unknown }> };
        }
      ).cofre.invoke('bills.cards', {}),
    );
    const owed = (cards.value as { cards: CardView[] }).cards.reduce((sum, c) => {
      const last = c.closed[0];
      return sum + (c.open?.total ?? 0) + (last && last.state !== 'paid' ? last.total - last.paid : 0);
    }, 0);
    await expect(page.getByTestId('net-worth-open-bills')).toHaveText(formatMoney(-owed, 'BRL', 'pt-BR'));
    await expect(page.getByTestId('net-worth-total')).toContainText('R$');

    await page
      .getByTestId('investment-row')
      .filter({ hasText: 'Previdência VGBL' })
      .getByRole('button', { name: 'Movimentações' })
      .click();
    const moves = page.getByTestId('investment-moves');
    await expect(moves.getByRole('row')).toHaveCount(13);
    await expect(moves).toContainText('Aplicação');
    await screenshot(page, `investments-${width}`);

    await openScreen(page, 'Contas');
    // The cards' balances the banks report are what their faturas say is owed: one figure for one debt.
    await expect(
      page
        .getByTestId('account-totals')
        .locator('div')
        .filter({ hasText: 'Faturas de cartão' })
        .locator('dd'),
    ).toHaveText(formatMoney(-owed, 'BRL', 'pt-BR'));
    await expect(page.getByTestId('cards-vs-bills')).toHaveCount(0);
    const loans = page.getByTestId('loan-card');
    await expect(loans).toHaveCount(2);
    await expect(loans.first()).toContainText('pagas de');
    await expect(loans.first()).toContainText('a.m.');
    await expect(page.getByTestId('loans-coverage')).toContainText('Nubank não informa empréstimos');
    await expect(page.getByTestId('net-worth')).toBeVisible();
    await page.getByTestId('loans').scrollIntoViewIfNeeded();
    await screenshot(page, `accounts-loans-${width}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
