// The sandbox's Open Finance consents (demo CPFs pick their state) and the bank's health with its details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectTokenResponse, Connector, ConsentPage, Item } from '../../src/shared/pluggy';
import { SandboxTruth } from '../../src/sandbox/admin-schemas';
import { startClient, type SandboxClient } from './helpers';

const DAY_MS = 86_400_000;
let c: SandboxClient;

beforeAll(async () => {
  c = await startClient({ seed: 'consents' });
});
afterAll(async () => c.sandbox.close());

async function openFinanceItem(cpf: string): Promise<Item> {
  return (await c.waitItem((await c.createItem({ cpf }, 601)).id)).item;
}

const consentsOf = async (itemId: string) =>
  (await c.ok(ConsentPage, 'GET', `/consents?itemId=${itemId}`)).body.results;

describe('consents of Open Finance items', () => {
  it('grants a 12-month consent with the products and permissions of the item', async () => {
    const item = await openFinanceItem('12345678901');
    const [consent, ...rest] = await consentsOf(item.id);
    expect(rest).toEqual([]);
    expect(consent).toMatchObject({ itemId: item.id, products: expect.arrayContaining(['ACCOUNTS']) });
    expect(consent!.openFinancePermissionsGranted).toEqual(
      expect.arrayContaining(['ACCOUNTS_ALL', 'CREDIT_CARDS_ALL', 'REGISTRATION_ALL']),
    );
    expect(consent!.revokedAt).toBeUndefined();
    const days = (Date.parse(consent!.expiresAt!) - Date.parse(consent!.createdAt!)) / DAY_MS;
    expect(days).toBe(365);
    expect(item.consentExpiresAt).toBe(consent!.expiresAt);
  });

  it('has demo CPFs whose consent expires within 30 days, within 7, or was revoked', async () => {
    const left = async (cpf: string) => {
      const [consent] = await consentsOf((await openFinanceItem(cpf)).id);
      return { days: (Date.parse(consent!.expiresAt!) - Date.now()) / DAY_MS, revoked: consent!.revokedAt };
    };
    const thirty = await left('00000000030');
    expect(thirty.days).toBeGreaterThan(7);
    expect(thirty.days).toBeLessThan(30);
    const seven = await left('00000000007');
    expect(seven.days).toBeGreaterThan(0);
    expect(seven.days).toBeLessThan(7);
    expect((await left('00000000404')).revoked).toEqual(expect.any(String));
  });

  it('lists none for items of other connectors, and answers one by id or 404', async () => {
    const plain = (await c.waitItem((await c.createItem({ user: 'user-ok', password: 'password-ok' })).id))
      .item;
    expect(await consentsOf(plain.id)).toEqual([]);
    const item = await openFinanceItem('22222222222');
    const [consent] = await consentsOf(item.id);
    expect((await c.ok(ConsentPage.shape.results.element, 'GET', `/consents/${consent!.id}`)).body).toEqual(
      consent,
    );
    expect((await c.fail('GET', '/consents/3f3f3f3f-0000-4000-8000-000000000000')).body.codeDescription).toBe(
      'CONSENT_NOT_FOUND',
    );
    expect((await c.fail('GET', '/consents?itemId=nope')).status).toBe(400);
  });

  it('renews the consent when the person goes through Connect again (update mode)', async () => {
    const item = await openFinanceItem('00000000007');
    const [old] = await consentsOf(item.id);
    const token = (await c.ok(ConnectTokenResponse, 'POST', '/connect_token', { body: { itemId: item.id } }))
      .body.accessToken;
    await c.ok(Item, 'PATCH', `/items/${item.id}`, {
      body: { parameters: { cpf: '00000000007' } },
      key: token,
    });
    const renewed = (await c.waitItem(item.id)).item;
    const consents = await consentsOf(item.id);
    expect(consents).toHaveLength(2);
    expect(consents[0]).toEqual(old);
    expect(renewed.consentExpiresAt).toBe(consents[1]!.expiresAt);
    expect(Date.parse(consents[1]!.expiresAt!) - Date.now()).toBeGreaterThan(360 * DAY_MS);
    const truth = SandboxTruth.parse(await (await c.raw('GET', `/__sandbox/truth?itemId=${item.id}`)).json());
    expect(truth.consents).toEqual(consents);
  });
});

describe('the bank’s health', () => {
  it('gives health details on request: this client’s connections and the rate that reached the bank', async () => {
    await openFinanceItem('33333333333');
    const plain = (await c.ok(Connector, 'GET', '/connectors/601')).body;
    expect(plain.health?.details).toBeUndefined();
    const detailed = (await c.ok(Connector, 'GET', '/connectors/601?healthDetails=true')).body;
    expect(detailed.health?.details?.connectionsLast6Hours).toBeGreaterThan(0);
    expect(detailed.health?.details?.connectionRateLast6Hours).toBe(100);
    const idle = (await c.ok(Connector, 'GET', '/connectors/606?healthDetails=true')).body;
    expect(idle.health?.details).toEqual({ connectionsLast6Hours: 0 });
  });

  it('reports the status the admin set, with its details', async () => {
    await c.ok(ConnectTokenResponse.partial(), 'POST', '/__sandbox/connector-status', {
      body: { connectorId: 602, status: 'OFFLINE' },
    });
    const connector = (await c.ok(Connector, 'GET', '/connectors/602?healthDetails=true')).body;
    expect(connector.health?.status).toBe('OFFLINE');
    expect(connector.health?.details).toEqual({ connectionsLast6Hours: 0 });
  });
});
