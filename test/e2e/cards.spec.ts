// The Cartões screen in demo mode against what the sandbox serves: the open fatura's running total, closed
// faturas' states, entries, charges and payments, parcelas ahead per card and in total, a fatura's CSV, and
// a bank link without a card said in words; at 1024 and 1366 px without sideways scroll.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { formatMoney, formatMonth } from '../../src/renderer/format';
import type { Bill, Transaction } from '../../src/shared/pluggy';
import { toCentavos } from '../../src/shared/money';
import { connectBank, openScreen, screenshot } from './app-helpers';
import { expect, test } from './fixtures';

const brl = (cents: number) => formatMoney(cents, 'BRL', 'pt-BR');

/** The sandbox's own API, as any Pluggy client reads it (demo mode's default credentials). */
async function sandboxApi(page: Page, origin: string) {
  const auth = await page.request.post(`${origin}/auth`, {
    data: { clientId: '5f0d5a52-6d4c-4c3e-9f3a-8f1e7c2b9a10', clientSecret: 'cofre-sandbox-secret' },
  });
  const { apiKey } = (await auth.json()) as { apiKey: string };
  const get = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(`${origin}${path}`, { headers: { 'X-API-KEY': apiKey } });
    expect(res.ok(), path).toBe(true);
    return (await res.json()) as T;
  };
  return {
    accounts: async (itemId: string) =>
      (
        await get<{
          results: { id: string; type: string; creditData?: { balanceDueDate?: string | null } | null }[];
        }>(`/accounts?itemId=${itemId}`)
      ).results,
    bills: async (accountId: string) =>
      (await get<{ results: Bill[] }>(`/bills?accountId=${accountId}`)).results,
    transactions: async (accountId: string) => {
      const all: Transaction[] = [];
      let query = `?accountId=${accountId}`;
      for (;;) {
        const page = await get<{ results: Transaction[]; next?: string | null }>(`/v2/transactions${query}`);
        all.push(...page.results);
        if (!page.next) return all;
        query = page.next;
      }
    },
  };
}

/** Waits until every link's first sync has finished. */
async function waitAllSynced(page: Page, count: number) {
  const cards = page.getByTestId('connection-card');
  await expect(cards).toHaveCount(count);
  for (let i = 0; i < count; i++) {
    await expect(cards.nth(i).getByTestId('connection-badge')).toHaveText('Conectado', { timeout: 45_000 });
    await expect(cards.nth(i).getByTestId('sync-now')).toBeEnabled({ timeout: 45_000 });
  }
}

function expectedState(bill: Bill, nowMs: number): string {
  const total = toCentavos(bill.totalAmount);
  const paid = bill.payments.reduce((s, p) => s + toCentavos(p.amount), 0);
  if (total <= 0 || paid >= total) return 'Paga';
  if (paid > 0) return 'Paga em parte';
  return Date.parse(bill.dueDate) > nowMs ? 'Aguardando pagamento' : 'Não paga';
}

for (const width of [1024, 1366]) {
  test(`Cartões at ${width} px`, async ({ page, app }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(app.launchUrl);
    // g f opens Cartões from anywhere.
    await expect(page.getByRole('heading', { level: 1, name: 'Conexões' })).toBeVisible();
    await page.keyboard.press('g');
    await page.keyboard.press('f');
    await expect(page.getByRole('heading', { level: 1, name: 'Cartões', exact: true })).toBeVisible();
    await expect(page.getByText('Nenhum cartão de crédito ainda')).toBeVisible();

    await connectBank(page, { user: 'user-ok' });
    const sandboxOrigin = await connectFrameOrigin(page);
    await connectBank(page, { user: 'user-ok-no-card' });
    // A second bank with a card of its own, so parcelas are committed across cards.
    await page.getByRole('button', { name: 'Conectar um banco' }).first().click();
    const dialog = page.getByTestId('connect-dialog');
    const frame = dialog.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Nubank', exact: true }).first().click();
    await frame.locator('#f-cpf').fill('76109277673');
    await frame.getByRole('button', { name: 'Conectar' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await waitAllSynced(page, 3);

    const links = await page.evaluate(() =>
      (
        window as unknown as {
          cofre: { invoke: (c: string, i: object) => Promise<{ ok: boolean; value: unknown }> };
        }
      ).cofre.invoke('connections.list', {}),
    );
    const connections = links.value as { itemId: string; name: string; accounts: { type: string }[] }[];
    const itemId = connections.find(
      (c) => c.name === 'Pluggy Bank' && c.accounts.some((a) => a.type === 'CREDIT'),
    )!.itemId;
    const api = await sandboxApi(page, sandboxOrigin);
    const card = (await api.accounts(itemId)).find((a) => a.type === 'CREDIT')!;
    const bills = await api.bills(card.id);
    const txs = await api.transactions(card.id);
    const openMonth = card.creditData!.balanceDueDate!.slice(0, 7);
    const openCents = txs
      .filter((t) => !t.creditCardMetadata?.billId && t.creditCardMetadata?.billForecastDate === openMonth)
      .reduce((s, t) => s + toCentavos(t.amountInAccountCurrency ?? t.amount), 0);

    await openScreen(page, 'Cartões');
    await expect(page.getByTestId('links-without-cards')).toHaveText(
      'Pluggy Bank não tem cartão de crédito nesta conexão.',
    );
    const panels = page.getByTestId('card-panel');
    await expect(panels).toHaveCount(2);
    const panel = panels.filter({ hasText: 'Pluggy Bank ·' });

    // The open fatura: its running total as the sandbox's unbilled entries add up, days to closing and due.
    const open = panel.getByTestId('open-fatura');
    await expect(open.getByTestId('open-fatura-total')).toHaveText(brl(openCents));
    await expect(open).toContainText(`Fatura aberta de ${formatMonth(openMonth, 'pt-BR')}`);
    await expect(open.getByTestId('open-fatura-date')).toHaveCount(2);
    await expect(open.getByTestId('open-fatura-date').first()).toContainText(/fecha|fechou/);
    await expect(open.getByTestId('open-fatura-date').last()).toContainText(/vence/);

    // Closed faturas, newest first: each state as its payments say, its total as the bank's.
    const now = Date.now();
    const rows = panel.getByTestId('closed-fatura');
    await expect(rows).toHaveCount(Math.min(6, bills.length));
    for (const bill of bills.slice(0, 6)) {
      const row = panel.locator(`[data-bill-id="${bill.id}"]`);
      await expect(row.getByTestId('fatura-state')).toHaveText(expectedState(bill, now));
      await expect(row.getByTestId('closed-fatura-total')).toHaveText(brl(toCentavos(bill.totalAmount)));
    }
    const states = bills.slice(0, 6).map((b) => expectedState(b, now));
    expect(states).toContain('Paga');
    expect(states.some((s) => s === 'Paga em parte' || s === 'Não paga')).toBe(true);

    // A closed fatura opened: its entries are the sandbox's rows with its billId, its charges and payments.
    const charged =
      bills.slice(0, 6).find((b) => b.financeCharges.some((c) => c.type === 'LATE_PAYMENT_FEE')) ?? bills[0]!;
    const row = panel.locator(`[data-bill-id="${charged.id}"]`);
    await row.getByRole('button', { name: 'Ver fatura' }).click();
    const detail = panel.getByTestId('fatura-detail');
    const inBill = txs.filter((t) => t.creditCardMetadata?.billId === charged.id);
    await expect(detail.getByTestId('fatura-row')).toHaveCount(inBill.length);
    if (charged.financeCharges.some((c) => c.type === 'LATE_PAYMENT_FEE')) {
      const fee = charged.financeCharges.find((c) => c.type === 'LATE_PAYMENT_FEE')!;
      await expect(detail.getByTestId('fatura-charges')).toContainText('Multa por atraso');
      await expect(detail.getByTestId('fatura-charges')).toContainText(brl(toCentavos(fee.amount)));
    }
    for (const p of charged.payments)
      await expect(detail.getByTestId('fatura-payments')).toContainText(brl(toCentavos(p.amount)));
    if (charged.payments.length === 0)
      await expect(detail.getByTestId('fatura-payments')).toContainText('Nenhum pagamento registrado');

    // Its CSV, standard and pt-BR: one line per entry.
    const exportButton = row.getByRole('button', { name: /^Exportar CSV da fatura de / });
    const [standard] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(standard.suggestedFilename()).toMatch(/^cofre-fatura-\d{4}-\d{4}-\d{2}\.csv$/);
    const csv = readFileSync((await standard.path())!, 'utf8')
      .trim()
      .split(/\r\n/);
    expect(csv).toHaveLength(inBill.length + 1);
    await page.getByTestId('fatura-csv-variant').selectOption('pt-BR');
    const [ptBR] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(ptBR.suggestedFilename()).toMatch(/-pt-BR\.csv$/);
    const ptCsv = readFileSync((await ptBR.path())!, 'utf8');
    expect(ptCsv.split('\r\n')[0]).toContain(';');

    // Parcelas ahead: months after the open fatura, the total line the sum of the cards' lines.
    const ahead = panel.getByTestId('card-ahead');
    await expect(ahead).toContainText('Comprometido');
    await expect(ahead.getByRole('listitem').first()).toContainText('R$');
    await panel.getByTestId('purchases-ahead').locator('summary').click();
    await expect(panel.getByTestId('purchase-ahead').first()).toContainText(
      /(parcela \d+ de \d+|nenhuma parcela cobrada ainda), faltam R\$/,
    );
    const perMonth = new Map<string, number>();
    for (const item of await page.getByTestId('card-ahead').getByRole('listitem').allInnerTexts()) {
      const [month, amount] = item.split(/\s(?=R\$)/);
      const cents = Number(amount!.replace(/[^\d,]/g, '').replace(',', ''));
      perMonth.set(month!.trim(), (perMonth.get(month!.trim()) ?? 0) + cents);
    }
    const totals = await page.getByTestId('ahead-total').getByRole('listitem').allInnerTexts();
    expect(totals.length).toBe(perMonth.size);
    for (const item of totals) {
      const [month, amount] = item.split(/\s(?=R\$)/);
      expect(amount!.replace(/\s/g, ' ')).toBe(brl(perMonth.get(month!.trim())!).replace(/\s/g, ' '));
    }

    await screenshot(page, `cards-${width}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

/** The Connect page's origin (the sandbox's), from a fresh connect token's answer. */
async function connectFrameOrigin(page: Page): Promise<string> {
  const answer = await page.evaluate(() =>
    (
      window as unknown as {
        cofre: { invoke: (c: string, i: object) => Promise<{ ok: boolean; value: { origin: string } }> };
      }
    ).cofre.invoke('connections.connectToken', {}),
  );
  return answer.value.origin;
}
