// Against the sandbox: an Open Finance link's consents read on each sync with their notices, and a bank going
// unstable (admin → webhook → the app's intake) shown as the bank's health, not as a broken link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxTruth } from '../../../src/sandbox/admin-schemas';
import { Webhook } from '../../../src/shared/pluggy';
import { offsetClock, startCoreWorld, type CoreWorld } from '../../helpers/core-world';
import { startReceiver, type Receiver } from '../../sandbox/receiver';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const clock = offsetClock();
let world: CoreWorld;
let rx: Receiver;

beforeAll(async () => {
  world = await startCoreWorld({ clock, sandbox: { transactionsPerAccount: 20, seed: 'consent-world' } });
  rx = await startReceiver();
  // Pluggy's webhooks reach this test's receiver; each is handed to the app's webhook intake as the relay would.
  const auth = await fetch(`${world.sandbox.url}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: world.sandbox.clientId, clientSecret: world.sandbox.clientSecret }),
  });
  const { apiKey } = (await auth.json()) as { apiKey: string };
  const hook = await fetch(`${world.sandbox.url}/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ event: 'connector/status_updated', url: `${rx.url}/hook` }),
  });
  Webhook.parse(await hook.json());
});
afterAll(async () => {
  await world.close();
  await rx.close();
});

async function truthOf(itemId: string) {
  const res = await fetch(`${world.sandbox.url}/__sandbox/truth?itemId=${itemId}`);
  return SandboxTruth.parse(await res.json());
}

// A card's fatura notices follow its calendar (closing or due within days of the moved clock), not the link.
const notices = async () =>
  (await world.call('notices.list', {})).filter(
    (n) => n.dismissedAt === null && !n.kind.startsWith('fatura_'),
  );

describe('the consent centre', () => {
  it('stores each Open Finance link’s consents as Pluggy lists them', async () => {
    const itemId = await world.connect('-', 601, { cpf: '12345678901' });
    await world.settle(itemId);
    const [view] = await world.call('consents.list', { itemId });
    const [truth] = (await truthOf(itemId)).consents;
    expect(view).toMatchObject({
      itemId,
      consentId: truth!.id,
      state: 'valid',
      expiresAt: truth!.expiresAt,
      grantedAt: truth!.createdAt,
      revokedAt: null,
      products: truth!.products,
      permissions: truth!.openFinancePermissionsGranted,
    });
    expect(view!.daysLeft).toBeGreaterThan(360);
  });

  it('lists no consent for a link that is not Open Finance', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    expect(await world.call('consents.list', { itemId })).toEqual([]);
  });

  it('raises the 30-day notice, then the 7-day one as the app’s clock moves, and says revoked', async () => {
    const itemId = await world.connect('-', 601, { cpf: '00000000030' });
    await world.settle(itemId);
    const [view] = await world.call('consents.list', { itemId });
    expect(view!.state).toBe('expiring');
    const mine = async () => (await notices()).filter((n) => n.connectionId === itemId);
    expect((await mine()).map((n) => [n.kind, n.level])).toEqual([['consent_expiring', 'info']]);
    expect((await mine())[0]!.params).toMatchObject({ date: view!.expiresAt!.slice(0, 10) });

    clock.advance(20 * DAY);
    await world.call('connections.sync', { itemId });
    await world.settle(itemId);
    const after = await mine();
    expect(after.map((n) => [n.kind, n.level])).toEqual([['consent_expiring', 'warning']]);
    expect((await world.call('consents.list', { itemId }))[0]!.state).toBe('expiring_soon');
    clock.advance(-20 * DAY);

    const revoked = await world.connect('-', 601, { cpf: '00000000404' });
    await world.settle(revoked);
    expect((await world.call('consents.list', { itemId: revoked }))[0]!.state).toBe('revoked');
    expect((await notices()).filter((n) => n.connectionId === revoked).map((n) => n.kind)).toEqual([
      'consent_revoked',
    ]);
  });
});

describe('the bank’s health, apart from the link’s', () => {
  it('shows a bank going unstable as the bank’s health, and its notice after an hour', async () => {
    const itemId = await world.connect('-', 603, { cpf: '98765432100' });
    await world.settle(itemId);
    const setStatus = (status: string) =>
      fetch(`${world.sandbox.url}/__sandbox/connector-status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ connectorId: 603, status }),
      });
    const intakeNext = async (status: string) => {
      const got = await rx.waitFor((all) =>
        all.some(
          (r) => r.event.event === 'connector/status_updated' && JSON.stringify(r.event).includes(status),
        ),
      );
      const event = got.filter((r) => JSON.stringify(r.event).includes(status)).at(-1)!.event;
      return world.core.intakeWebhook(event);
    };
    await setStatus('UNSTABLE');
    expect(await intakeNext('UNSTABLE')).toMatchObject({ action: 'recorded' });

    const card = (await world.call('connections.list', {})).find((c) => c.itemId === itemId)!;
    expect(card.bankHealth).toMatchObject({ status: 'UNSTABLE' });
    // The link itself is fine: nothing for the person to do.
    expect(card.severity).toBe('ok');
    expect(card.problemAt).toBeNull();
    expect(card.action).toBe('none');
    expect((await notices()).some((n) => n.kind === 'bank_unstable')).toBe(false);

    clock.advance(HOUR + 60_000);
    await world.core.bankHealth!.tick();
    const raised = (await notices()).filter((n) => n.kind === 'bank_unstable');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ connectionId: itemId, messageKey: 'notices.bank_unstable' });
    await world.core.bankHealth!.tick();
    expect((await notices()).filter((n) => n.kind === 'bank_unstable')).toHaveLength(1);

    // Back online: the notice puts itself away.
    await setStatus('ONLINE');
    await intakeNext('ONLINE');
    expect((await notices()).filter((n) => n.kind === 'bank_unstable')).toEqual([]);
    const back = (await world.call('connections.list', {})).find((c) => c.itemId === itemId)!;
    expect(back.bankHealth?.status).toBe('ONLINE');
  });

  it('blames the bank, not the link, when a sync fails while the bank is unstable', async () => {
    const setStatus = (status: string) =>
      fetch(`${world.sandbox.url}/__sandbox/connector-status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ connectorId: 3, status }),
      });
    await setStatus('UNSTABLE');
    // The bank's site does not answer: a failure only the bank can end.
    const itemId = await world.connect('user-unavailable', 3);
    const card = await world.settle(itemId);
    // Cofre asked Pluggy about the bank after the failure (no webhook needed).
    expect(card.bankHealth).toMatchObject({ status: 'UNSTABLE' });
    expect(card.problemAt).toBe('bank');
    expect(card.messageKey).toBe('status.BANK_UNSTABLE');
    expect(card.severity).toBe('warning');
    expect(card.action).toBe('wait_retry');
    await setStatus('ONLINE');
  });
});

describe('per-product freshness', () => {
  it('gives each product’s last update from the item’s statusDetail', async () => {
    const itemId = await world.connect('user-ok-account-error');
    const card = await world.settle(itemId);
    const accounts = card.freshness?.find((f) => f.product === 'accounts');
    expect(accounts).toMatchObject({ isUpdated: false, warnings: ['Accounts could not be retrieved'] });
    expect(card.freshness?.find((f) => f.product === 'transactions')?.isUpdated).toBe(true);
  });
});
