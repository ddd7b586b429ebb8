// The consent centre and bank health in demo mode: each Open Finance link's consent (valid until when, warned
// 30 and 7 days ahead, revoked), renewed through Connect's update mode; a bank unstable said apart from the
// link; products the bank left out of date.
import type { Locator, Page } from '@playwright/test';
import { card, connectBank, openScreen, screenshot, waitUntilSynced } from './app-helpers';
import { expect, test } from './fixtures';

const DAY_MS = 86_400_000;

/** Connects an Open Finance bank of the sandbox with a CPF (demo CPFs pick the consent's state). */
async function connectOpenFinance(page: Page, bank: string, cpf: string): Promise<void> {
  await openScreen(page, 'Conexões');
  await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
  const dialog = page.getByTestId('connect-dialog');
  const frame = dialog.frameLocator('iframe');
  await frame.getByRole('button', { name: bank, exact: true }).first().click();
  await frame.locator('#f-cpf').fill(cpf);
  await frame.getByRole('button', { name: 'Conectar' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await waitUntilSynced(page, bank);
}

/** The pt-BR date the app shows for an instant (dd/mm/aaaa, as the rest of the app: the UTC day). */
const ptDate = (iso: string) =>
  new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));

/** The expiry the card shows, checked to be `days` from now (give or take the minutes the test takes). */
async function expiresInDays(summary: Locator, days: number): Promise<string> {
  const iso = await summary.getAttribute('data-expires-at');
  expect(iso).not.toBeNull();
  expect(Math.abs(Date.parse(iso!) - (Date.now() + days * DAY_MS))).toBeLessThan(DAY_MS / 2);
  return iso!;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const width of [1024, 1366]) {
  test(`consent centre at ${width} px: valid until, warnings, revoked, renewed through Connect`, async ({
    page,
    app,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(app.launchUrl);
    // A link without Open Finance (whose accounts the bank left out of date), then one bank per consent state.
    await connectBank(page, { user: 'user-ok-account-error' });
    await connectOpenFinance(page, 'Banco Inter', '76109277673');
    await connectOpenFinance(page, 'Itaú', '00000000030');
    await connectOpenFinance(page, 'Bradesco', '00000000007');
    await connectOpenFinance(page, 'Nubank', '00000000404');

    const direct = card(page, 'Pluggy Bank');
    await expect(direct.getByTestId('consent-not-applicable')).toHaveText(
      'Consentimento Open Finance: não se aplica a esta conexão.',
    );
    await expect(direct.getByTestId('consent-summary')).toHaveCount(0);
    await expect(direct.getByTestId('freshness')).toContainText(
      'Contas não atualizadas na última sincronização',
      { timeout: 30_000 },
    );

    // A fresh consent: twelve months, calm, nothing to renew yet.
    const inter = card(page, 'Banco Inter').getByTestId('consent-summary');
    await expect(inter).toHaveAttribute('data-state', 'valid');
    const interExpiry = await expiresInDays(inter, 365);
    await expect(inter).toHaveText(`Consentimento válido até ${ptDate(interExpiry)}Ver consentimento`);
    await expect(inter.getByTestId('consent-renew')).toHaveCount(0);

    // 30 days ahead: a warning with the days left and Renovar.
    const itau = card(page, 'Itaú').getByTestId('consent-summary');
    await expect(itau).toHaveAttribute('data-state', 'expiring');
    const itauExpiry = await expiresInDays(itau, 25);
    await expect(itau.getByRole('status')).toHaveText(
      `Consentimento válido até ${ptDate(itauExpiry)}: vence em 25 dias`,
    );
    await expect(itau.getByTestId('consent-renew')).toBeVisible();

    // 7 days ahead: the stronger warning.
    const bradesco = card(page, 'Bradesco').getByTestId('consent-summary');
    await expect(bradesco).toHaveAttribute('data-state', 'expiring_soon');
    const bradescoExpiry = await expiresInDays(bradesco, 5);
    await expect(bradesco.getByRole('status')).toHaveText(
      `Consentimento válido até ${ptDate(bradescoExpiry)}: vence em 5 dias`,
    );

    // Revoked at the bank yesterday: said plainly, with what stops.
    const nubank = card(page, 'Nubank').getByTestId('consent-summary');
    await expect(nubank).toHaveAttribute('data-state', 'revoked');
    const yesterday = ptDate(new Date(Date.now() - DAY_MS).toISOString());
    await expect(nubank.getByRole('status')).toHaveText(
      `Consentimento revogado em ${yesterday}: nada novo chega desta conexão`,
    );
    await page.getByTestId('connection-card').last().scrollIntoViewIfNeeded();
    await screenshot(page, `consents-cards-${width}`);
    await noHorizontalScroll(page);

    await nubank.getByTestId('consent-open').click();
    const centre = page.getByTestId('consent-dialog');
    await expect(centre.getByRole('heading', { name: 'Consentimento — Nubank' })).toBeVisible();
    await expect(centre.getByTestId('consent-revoked')).toHaveText(yesterday);
    await expect(centre.getByTestId('consent-products')).toContainText('Contas');
    await expect(centre.getByTestId('consent-products')).toContainText('Cartões de crédito');
    await expect(centre.getByTestId('consent-permissions')).toContainText(
      'Contas: lista, saldos, limites e transações',
    );
    await expect(centre.getByTestId('consent-stopped')).toContainText('Nada novo chega desta conexão');
    await expect(centre.getByTestId('consent-what-stops')).toContainText('saldos das contas');
    await screenshot(page, `consents-dialog-revoked-${width}`);
    await centre.getByRole('button', { name: 'Fechar' }).last().click();
    await expect(centre).toBeHidden();

    // Renovar goes through Connect's update mode on the same link, and the date moves twelve months ahead.
    const bradescoCard = card(page, 'Bradesco');
    const itemId = await bradescoCard.getAttribute('data-item-id');
    await bradesco.getByTestId('consent-open').click();
    await expect(centre.getByTestId('consent-expires')).toHaveText(ptDate(bradescoExpiry));
    await expect(centre.getByTestId('consent-what-stops')).toContainText(
      'O Cofre para de receber dados novos desta conexão',
    );
    await screenshot(page, `consents-dialog-expiring-${width}`);
    await centre.getByTestId('consent-dialog-renew').click();
    const connect = page.getByTestId('connect-dialog');
    await expect(connect.getByRole('heading', { name: 'Renovar consentimento' })).toBeVisible();
    const frame = connect.frameLocator('iframe');
    await expect(frame.locator('#title')).toHaveText('Bradesco');
    await frame.locator('#f-cpf').fill('00000000007');
    await frame.getByRole('button', { name: 'Conectar' }).click();
    await expect(connect).toBeHidden({ timeout: 30_000 });
    await waitUntilSynced(page, 'Bradesco');
    await expect(bradesco).toHaveAttribute('data-state', 'valid', { timeout: 30_000 });
    const renewed = await expiresInDays(bradesco, 365);
    await expect(bradesco).toContainText(`Consentimento válido até ${ptDate(renewed)}`);
    await expect(page.getByTestId('connection-card')).toHaveCount(5);
    await expect(bradescoCard).toHaveAttribute('data-item-id', itemId!);
    await bradesco.getByTestId('consent-open').click();
    await expect(centre.getByTestId('consent-history')).toContainText(`válido até ${ptDate(bradescoExpiry)}`);
    await screenshot(page, `consents-dialog-renewed-${width}`);
    await noHorizontalScroll(page);
  });
}

test.describe('bank health', () => {
  test.use({ demoAdmin: true });

  test('a bank unstable at Pluggy is said apart from the link, at 1024 and 1366 px', async ({
    page,
    app,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(app.launchUrl);
    await connectBank(page, { user: 'user-ok' });
    await waitUntilSynced(page);
    const fineId = await page.getByTestId('connection-card').first().getAttribute('data-item-id');

    const answer = await fetch(`${app.sandboxUrl}/__sandbox/connector-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connectorId: 0, status: 'UNSTABLE' }),
    });
    expect(answer.status).toBe(200);

    // A link failing while Pluggy says the bank is unstable: the bank's problem, nothing asked of the person.
    await connectBank(page, { user: 'user-unavailable' });
    await expect(page.getByText('a primeira conexão falhou')).toBeVisible();
    const failing = page.locator(`[data-testid="connection-card"]:not([data-item-id="${fineId}"])`);
    await expect(failing.getByTestId('connection-message')).toHaveAttribute('data-problem-at', 'bank', {
      timeout: 30_000,
    });
    await expect(failing.getByTestId('connection-message')).toContainText(
      'O Pluggy Bank está instável agora (Pluggy)',
    );
    await expect(failing.getByTestId('connection-badge')).toHaveText('Banco instável');
    await expect(failing.getByTestId('connection-action')).toHaveCount(0);
    await expect(failing.getByTestId('bank-health')).toContainText('Instável desde');
    // Pluggy's share of connections that reached the bank: this link failed, the other one got through.
    await expect(failing.getByTestId('bank-rate')).toHaveText('50%');
    await expect(page.getByText('conexão precisa de você')).toHaveCount(0);

    // The healthy link at the same bank keeps its own state, with the bank's trouble said beside it.
    const fine = page.locator(`[data-testid="connection-card"][data-item-id="${fineId}"]`);
    await expect(fine.getByTestId('connection-badge')).toHaveText('Conectado');
    await expect(fine.getByTestId('bank-health-note')).toHaveText(
      'O Pluggy Bank está instável agora (Pluggy). Isso não pede nada de você.',
    );
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `bank-unstable-${width}`);
      await noHorizontalScroll(page);
    }
  });
});
