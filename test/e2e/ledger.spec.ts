// The ledger check in the UI: a row the bank's API leaves out (the sandbox hides it while the balance keeps
// it) shows as a gap of its amount on the account card and in Diagnostics, and goes away once a sync brings
// it back; at 1024 and 1366 px.
import type { APIRequestContext, Page } from '@playwright/test';
import { SandboxTruth } from '../../src/sandbox/admin-schemas';
import { signedCentavos, toCentavos } from '../../src/shared/money';
import type { Transaction } from '../../src/shared/pluggy';
import { card, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test, type RunningApp } from './fixtures';

const WIDTHS = [1024, 1366] as const;

test.use({ demoAdmin: true });

/** The link's item id, asked of the app itself (the page never shows raw ids). */
async function itemId(request: APIRequestContext, app: RunningApp): Promise<string> {
  const token = new URL(app.launchUrl).hash.replace('#token=', '');
  const res = await request.post(`${app.baseUrl}/rpc/connections.list`, {
    headers: { authorization: `Bearer ${token}` },
    data: {},
  });
  const body = (await res.json()) as { ok: boolean; value: { itemId: string }[] };
  expect(body.ok).toBe(true);
  return body.value[0]!.itemId;
}

async function hide(request: APIRequestContext, app: RunningApp, id: string, hidden: boolean) {
  const res = await request.post(`${app.sandboxUrl}/__sandbox/hide`, { data: { transactionId: id, hidden } });
  expect(res.status()).toBe(200);
}

/** "R$ 212,45" as a pattern (Intl puts a no-break space after the symbol). */
function moneyPattern(cents: number): RegExp {
  const text = (Math.abs(cents) / 100).toFixed(2).replace('.', ',');
  const grouped = text.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return new RegExp(`Pode faltar R\\$\\s${grouped.replace(/\./g, '\\.')}\\b`);
}

async function syncNow(page: Page): Promise<void> {
  await openScreen(page, 'Conexões');
  await card(page).getByTestId('sync-now').click();
  await waitUntilSynced(page);
}

/** Charts re-measure a moment after the window shrinks: poll until the layout has settled. */
async function noSidewaysScroll(page: Page, width: number): Promise<void> {
  await expect
    .poll(
      () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      { message: `horizontal scroll at ${width} px` },
    )
    .toBeLessThanOrEqual(0);
}

test('a transaction the bank left out shows as a gap of its amount on the account and in Diagnostics until a sync brings it back', async ({
  page,
  app,
  request,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  await waitUntilSynced(page);

  // Before anything goes missing, the balances add up.
  await openScreen(page, 'Diagnóstico');
  await expect(page.getByTestId('ledger-check').getByTestId('ledger-ok')).toContainText('Saldos conferem');
  await expect(page.getByTestId('ledger-check').getByTestId('ledger-gap')).toHaveCount(0);

  // The checking account's latest posted row disappears from the API; the bank's balance still counts it.
  const item = await itemId(request, app);
  const truthRes = await request.get(`${app.sandboxUrl}/__sandbox/truth?itemId=${item}`);
  const truth = SandboxTruth.parse(await truthRes.json());
  const checking = truth.accounts.find((a) => a.subtype === 'CHECKING_ACCOUNT')!;
  const missing: Transaction = truth.transactions
    .filter((t) => t.accountId === checking.id && t.status === 'POSTED')
    .sort((a, b) => b.date.localeCompare(a.date))[0]!;
  const cents = signedCentavos(
    String(missing.type),
    toCentavos(missing.amountInAccountCurrency ?? missing.amount),
  );
  await hide(request, app, missing.id, true);
  await syncNow(page);

  await openScreen(page, 'Contas');
  const checkingCard = page
    .getByTestId('account-card')
    .filter({ hasText: checking.marketingName ?? checking.name });
  const gap = checkingCard.getByTestId('ledger-gap');
  await expect(gap).toContainText(moneyPattern(cents));
  await expect(gap).toContainText(
    cents < 0 ? 'Uma saída que o banco contou no saldo' : 'Uma entrada que o banco contou no saldo',
  );
  await expect(gap).toContainText('Sincronizações do período:');
  // Only that account is flagged.
  await expect(page.getByTestId('ledger-gap')).toHaveCount(1);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await noSidewaysScroll(page, width);
    await screenshot(page, `ledger-gap-accounts-${width}`);
  }

  await openScreen(page, 'Diagnóstico');
  const section = page.getByTestId('ledger-check');
  const diagGap = section.getByTestId('ledger-gap');
  await expect(diagGap).toHaveCount(1);
  await expect(diagGap).toContainText(checking.marketingName ?? checking.name);
  await expect(diagGap).toContainText(moneyPattern(cents));
  await expect(diagGap).toContainText('Sincronize de novo');
  await expect(diagGap).toContainText(/Sincronizações do período: \d\d\/\d\d \d\d:\d\d \(sucesso\)/);
  // Plain words: no raw account or run id unless the person asks for the details for support.
  await expect(section).not.toContainText(checking.id);
  await expect(section.getByTestId('ledger-raw')).toHaveCount(0);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await section.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page, width);
    await screenshot(page, `ledger-gap-diagnostics-${width}`);
  }
  await page.getByTestId('support-toggle').click();
  await expect(section.getByTestId('ledger-raw')).toContainText(checking.id);

  // The same in English.
  await openScreen(page, 'Configurações');
  await page.getByTestId('language-select').selectOption('en');
  await openScreen(page, 'Accounts');
  const enGap = page.getByTestId('ledger-gap');
  await expect(enGap).toContainText(/\$\s?[\d,]+\.\d\d may be missing/);
  await expect(enGap).toContainText('Syncs in that period:');
  await screenshot(page, 'ledger-gap-accounts-en-1366');
  await openScreen(page, 'Diagnostics');
  await expect(page.getByTestId('ledger-check')).toContainText('Balance check');
  await expect(page.getByTestId('ledger-check').getByTestId('ledger-gap')).toContainText('Sync again');
  await openScreen(page, 'Settings');
  await page.getByTestId('language-select').selectOption('pt-BR');
  await expect(page.getByRole('heading', { level: 1, name: 'Configurações' })).toBeVisible();

  // The API lists the row again: the next sync stores it and the gap closes.
  await hide(request, app, missing.id, false);
  await syncNow(page);
  await openScreen(page, 'Contas');
  await expect(page.getByTestId('account-card').first()).toBeVisible();
  await expect(page.getByTestId('ledger-gap')).toHaveCount(0);
  await openScreen(page, 'Diagnóstico');
  await expect(section.getByTestId('ledger-gap')).toHaveCount(0);
  await expect(section.getByTestId('ledger-ok')).toContainText('Saldos conferem');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, `ledger-ok-diagnostics-${width}`);
  }
});
