// With a data dir, a demo connection (item, accounts, transactions, webhooks) survives a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SandboxTruth } from '../../src/sandbox';
import { Page, Webhook } from '../../src/shared/pluggy';
import { OK, startClient } from './helpers';

describe('sandbox persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cofre-sandbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps items, data changes and webhooks across a restart', async () => {
    const first = await startClient({ dataDir: dir, seed: 'persist', transactionsPerAccount: 40 });
    const item = (await first.waitItem((await first.createItem(OK)).id)).item;
    await first.ok(Webhook, 'POST', '/webhooks', { body: { event: 'all', url: 'https://example.com/hook' } });
    await first.ok(z.object({ advancePending: z.boolean() }), 'POST', `/__sandbox/advance?itemId=${item.id}`);
    await first.raw('PATCH', `/items/${item.id}`, { body: {} });
    await first.waitItem(item.id);
    const before = (await first.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)).body;
    await first.sandbox.close();

    const second = await startClient({ dataDir: dir, seed: 'persist', transactionsPerAccount: 40 });
    try {
      const after = (await second.ok(SandboxTruth, 'GET', `/__sandbox/truth?itemId=${item.id}`)).body;
      expect(after.transactions).toEqual(before.transactions);
      expect(after.accounts).toEqual(before.accounts);
      expect(after.item.status).toBe('UPDATED');
      expect((await second.ok(Page(Webhook), 'GET', '/webhooks')).body.results).toHaveLength(1);
      // New items do not reuse the ids of persisted ones.
      expect((await second.createItem(OK)).id).not.toBe(item.id);
    } finally {
      await second.sandbox.close();
    }
  });
});
