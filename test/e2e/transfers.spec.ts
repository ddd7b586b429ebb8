// A Pix between two demo links in Chromium: both sides marked "Entre suas contas" in the list, the detail
// panel names the other side's account and link, and the person undoes the match; one card under two links
// counted once on Contas, the person picking the copy; at 1024 and 1366 px.
import type { APIRequestContext } from '@playwright/test';
import { SandboxTruth } from '../../src/sandbox/admin-schemas';
import { connectBank, openScreen, screenshot } from './app-helpers';
import { expect, test, type RunningApp } from './fixtures';

test.use({ demoAdmin: true });

/** The links' item ids, oldest first, asked of the app itself (the page never shows raw ids). */
async function itemIds(request: APIRequestContext, app: RunningApp): Promise<string[]> {
  const token = new URL(app.launchUrl).hash.replace('#token=', '');
  const res = await request.post(`${app.baseUrl}/rpc/connections.list`, {
    headers: { authorization: `Bearer ${token}` },
    data: {},
  });
  const body = (await res.json()) as { ok: boolean; value: { itemId: string }[] };
  expect(body.ok).toBe(true);
  return body.value.map((c) => c.itemId);
}

test('a transfer between two demo links is marked on both sides, explained in its panel, and undone by the person', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000); // two banks through the real Connect page, a re-sync, two widths
  await page.goto(app.launchUrl);
  await connectBank(page, { user: 'user-ok' });
  const cards = page.getByTestId('connection-card');
  await expect(cards.first().getByTestId('connection-badge')).toHaveText('Conectado', { timeout: 45_000 });
  await connectBank(page, { user: 'user-ok' });
  await expect(cards).toHaveCount(2);
  for (const c of await cards.all()) {
    await expect(c.getByTestId('connection-badge')).toHaveText('Conectado', { timeout: 45_000 });
    await expect(c.getByTestId('sync-now')).toBeEnabled({ timeout: 45_000 });
  }
  // The first link's side of the Pix comes with its next sync, as a bank's row does.
  for (const c of await cards.all()) {
    await c.getByTestId('sync-now').click();
    await expect(c.getByTestId('sync-now')).toBeEnabled({ timeout: 45_000 });
  }

  await openScreen(page, 'Transações');
  await page.getByTestId('transaction-search').fill('John Doe');
  const rows = page.getByTestId('transaction-row');
  const sent = rows.filter({ hasText: 'Pix enviado John Doe' });
  const received = rows.filter({ hasText: 'Pix recebido John Doe' });
  await expect(sent).toHaveCount(1, { timeout: 30_000 });
  await expect(received).toHaveCount(1);
  for (const side of [sent, received])
    await expect(side.getByTestId('move-badge')).toHaveText('Entre suas contas');
  await expect(sent.getByTestId('move-badge')).toHaveAttribute('title', /^Transferência para Conta Pluggy/);
  await expect(page.getByText(/movimentaç(ão|ões) entre suas contas/)).toBeVisible();
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `transfers-list-${width}`);
  }

  await sent.click();
  const detail = page.getByTestId('transaction-detail');
  const move = detail.getByTestId('detail-move');
  await expect(move).toContainText('Movimentação entre suas contas');
  await expect(move.getByTestId('detail-move-text')).toContainText(
    /^Transferência para Conta Pluggy •••• [\d-]+ em Pluggy Bank: a outra ponta, de R\$\s[\d.,]+, entrou em \d\d\/\d\d\/\d{4}\.$/,
  );
  await expect(move).toContainText('Não entra nos gastos nem nos totais');
  const history = detail.getByTestId('detail-history');
  await expect(history).toContainText('Reconhecida como transferência entre suas contas');
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `transfers-detail-${width}`);
  }

  await move.getByTestId('detail-move-undo').click();
  await expect(detail.getByTestId('detail-done')).toHaveText(
    'Pronto: as duas pontas voltam a contar, e o Cofre não as junta de novo.',
  );
  await expect(detail.getByTestId('detail-move')).toHaveCount(0);
  await expect(history).toContainText('Você disse que não é uma transferência entre suas contas');
  await detail.getByRole('button', { name: 'Fechar' }).click();
  await expect(rows.getByTestId('move-badge')).toHaveCount(0);

  // A fatura paid from the checking account: the payment row is tied to the card's bill.
  await page.getByTestId('transaction-search').fill('Pagamento fatura cartão final');
  const payment = rows.filter({ has: page.getByTestId('move-badge') }).first();
  await expect(payment.getByTestId('move-badge')).toHaveText('Pagamento de fatura', { timeout: 30_000 });
  await payment.click();
  await expect(detail.getByTestId('detail-move-text')).toHaveText(
    /^Pagamento da fatura do Pluggy Mastercard Black •••• \d{4} em Pluggy Bank, que vence em \d\d\/\d\d\/\d{4}, de R\$\s[\d.,]+ no total\.$/,
  );
  await expect(detail.getByTestId('detail-move')).toContainText('as compras do cartão já contam');
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `transfers-bill-payment-${width}`);
  }
});

test('one card under two links counts once on Contas, and the person picks which copy counts', async ({
  page,
  app,
  request,
}) => {
  test.setTimeout(240_000);
  await page.goto(app.launchUrl);
  const cards = page.getByTestId('connection-card');
  for (const n of [1, 2]) {
    await connectBank(page, { user: 'user-ok' });
    await expect(cards).toHaveCount(n);
    await expect(cards.nth(n - 1).getByTestId('sync-now')).toBeEnabled({ timeout: 45_000 });
  }
  // The second link lists the first one's card (a bank and its card connector): same number, same holder.
  const ids = await itemIds(request, app);
  const truths = await Promise.all(
    ids.map(async (id) =>
      SandboxTruth.parse(await (await request.get(`${app.sandboxUrl}/__sandbox/truth?itemId=${id}`)).json()),
    ),
  );
  const [cardA, cardB] = truths.map((t) => t.accounts.find((a) => a.type === 'CREDIT')!);
  const res = await request.post(`${app.sandboxUrl}/__sandbox/malform`, {
    data: { accountId: cardB!.id, patch: { number: cardA!.number } },
  });
  expect(res.status()).toBe(200);
  for (const c of await cards.all()) {
    await c.getByTestId('sync-now').click();
    await expect(c.getByTestId('sync-now')).toBeEnabled({ timeout: 45_000 });
  }

  await openScreen(page, 'Contas');
  const notes = page.getByTestId('duplicate-note');
  await expect(notes).toHaveCount(2);
  await expect(page.getByTestId('duplicates-left-out')).toHaveText(
    '1 conta aparece em duas conexões e conta uma vez só.',
  );
  const counted = notes.and(page.locator('[data-counted="true"]'));
  const notCounted = notes.and(page.locator('[data-counted="false"]'));
  await expect(counted).toContainText('Também aparece em Pluggy Bank. Esta é a que conta nos totais.');
  await expect(notCounted).toContainText('A mesma conta aparece em Pluggy Bank: esta não conta nos totais.');
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await notCounted.scrollIntoViewIfNeeded();
    await screenshot(page, `transfers-duplicate-${width}`);
  }

  // The person counts the other copy: the notes swap, and say it was their choice.
  const total = await page.getByTestId('accounts-total').innerText();
  const flags = await notes.evaluateAll((els) => els.map((e) => e.getAttribute('data-counted')));
  const picked = flags.indexOf('false');
  await notes.nth(picked).getByTestId('duplicate-keep').click();
  await expect(notes.nth(picked)).toHaveAttribute('data-counted', 'true');
  await expect(notes.nth(picked)).toContainText('Escolha sua.');
  await expect(notes.nth(picked)).toContainText('Pronto: esta passa a contar nos totais.');
  await expect(notes.nth(1 - picked)).toHaveAttribute('data-counted', 'false');
  await expect(page.getByTestId('accounts-total')).not.toHaveText(total);

  // They are different cards after all: both count, no note stays.
  await notes.nth(picked).getByTestId('duplicate-separate').click();
  await expect(notes).toHaveCount(0);
  await expect(page.getByTestId('duplicates-left-out')).toHaveCount(0);
});
