// Money on screen and in files: the filtered set's totals add up, foreign purchases in R$, the pt-BR CSV.
import { readFileSync } from 'node:fs';
import { connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

/** "-R$ 1.067,85" as centavos, from its digits. */
function centavos(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  return (/[-−]/.test(text) ? -1 : 1) * Number(digits);
}

for (const width of [1024, 1366, 1920]) {
  test(`the Transactions screen shows entradas, saídas and saldo of the filter at ${width} px`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(app.launchUrl);
    await connectBank(page, { user: 'user-ok' });
    await waitUntilSynced(page);
    await openScreen(page, 'Transações');
    const totals = page.getByTestId('transaction-totals');
    await expect(totals).toBeVisible();
    const read = async () => ({
      in: centavos(await page.getByTestId('totals-in').innerText()),
      out: centavos(await page.getByTestId('totals-out').innerText()),
      net: centavos(await page.getByTestId('totals-net').innerText()),
    });
    const all = await read();
    expect(all.in).toBeGreaterThan(0);
    expect(all.out).toBeLessThan(0);
    expect(all.in + all.out).toBe(all.net);
    // Bill payments, own transfers and investment moves are left out, and the screen says so.
    await expect(totals).toContainText('não entram nos totais');
    // A foreign purchase is shown in R$, its dollar figure beside it.
    await page.getByTestId('transaction-search').fill('INTERNACIONAL');
    await expect(page.getByTestId('transaction-row').first()).toContainText('em US$');
    await expect(page.getByTestId('transaction-row').first()).toContainText('R$');
    await expect.poll(async () => (await read()).in).toBe(0);
    await screenshot(page, `transactions-totals-${width}`);

    if (width !== 1366) return;
    await page.getByTestId('transaction-search').fill('');
    await page.getByTestId('csv-variant').selectOption('pt-BR');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportar CSV' }).click();
    const bytes = readFileSync(await (await download).path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header!.startsWith('id;data;conta;numero_conta;')).toBe(true);
    expect(first).toMatch(/^[0-9a-f-]{36};\d{2}\/\d{2}\/\d{4};/);

    // Accounts: a card's balance is debt (negative), and the total is the plain sum of what is shown.
    await openScreen(page, 'Contas');
    const totalsBox = page.getByTestId('account-totals');
    await expect(totalsBox).toBeVisible();
    const [inAccounts, onCards, total] = (await totalsBox.locator('dd').allInnerTexts()).map(centavos);
    expect(onCards).toBeLessThan(0);
    expect(inAccounts! + onCards!).toBe(total);
    await screenshot(page, 'accounts-signs-1366');
  });
}
