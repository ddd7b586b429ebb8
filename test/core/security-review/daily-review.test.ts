// The daily security review: a day with an export, a new connection and three login failures raises exactly
// one notice whose filter lists those entries; a quiet day raises none; a wrong DB key tried is counted.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core';
import type { KeyStore } from '../../../src/core/secrets';
import { lastDays } from '../../../src/core/security-review/local-day';
import { WRONG_KEY_FILE } from '../../../src/core/security-review/wrong-key-log';
import { offsetClock, startCoreWorld, type CoreWorld } from '../../helpers/core-world';

const worlds: CoreWorld[] = [];
afterAll(async () => {
  for (const w of worlds) await w.close();
});

const reviewNotices = async (w: CoreWorld) =>
  (await w.call('notices.list', { includeDismissed: true })).filter((n) => n.kind === 'security_review');

describe('daily security review', () => {
  it('a day with an export, a new connection and three login failures raises one notice that filters to them', async () => {
    const w = await startCoreWorld({ sandbox: { transactionsPerAccount: 20 } });
    worlds.push(w);
    expect(await reviewNotices(w)).toEqual([]);

    // A bank whose password was typed wrong: one new connection, then three refused logins.
    const itemId = await w.connect('user-ok', 0, { password: 'not-the-password' });
    await w.settle(itemId);
    for (let i = 0; i < 2; i++) {
      await w.call('connections.sync', { itemId });
      await w.settle(itemId);
    }
    await w.call('transactions.export', { format: 'csv', filter: {} });

    const notices = await reviewNotices(w);
    expect(notices).toHaveLength(1);
    const today = lastDays(Date.now(), 1)[0]!;
    expect(notices[0]!.params).toEqual({
      day: today,
      connection_added: '1',
      export: '1',
      login_failures: '3',
    });

    // The notice's link: the Audit screen filtered to the review of that day lists exactly those entries.
    const page = await w.call('audit.page', { filter: { review: today }, limit: 100 });
    expect(page.rows.map((r) => r.action).sort()).toEqual([
      'open_finance.connection.created',
      'open_finance.sync.failed',
      'open_finance.sync.failed',
      'open_finance.sync.failed',
      'transactions.exported',
    ]);
    expect(
      page.rows
        .filter((r) => r.action === 'open_finance.sync.failed')
        .every((r) => r.connectionId === itemId),
    ).toBe(true);

    // More that same day updates the same notice, and shows it again after it was dismissed.
    await w.call('notices.dismiss', { id: notices[0]!.id });
    await w.call('audit.export', { format: 'jsonl', filter: {} });
    const again = await reviewNotices(w);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: notices[0]!.id, dismissedAt: null });
    expect(again[0]!.params['export']).toBe('2');

    const review = await w.call('security.review', {});
    expect(review.today).toBe(today);
    expect(review.period).toBe(30);
    expect(review.days).toEqual([
      { day: today, counts: { connection_added: 1, export: 2, login_failures: 3 }, entries: 6 },
    ]);
  });

  it('a quiet day (syncs, a manual sync, a known item’s webhook) raises no notice', async () => {
    const clock = offsetClock();
    const w = await startCoreWorld({ clock, sandbox: { transactionsPerAccount: 20 } });
    worlds.push(w);
    const itemId = await w.connect('user-ok');
    await w.settle(itemId);
    clock.advance(3 * 86_400_000);
    await w.call('connections.sync', { itemId });
    await w.settle(itemId);
    await w.core.intakeWebhook({ event: 'item/updated', eventId: 'quiet-1', itemId, id: itemId });
    await w.settle(itemId);

    const quietDay = lastDays(clock.now(), 1)[0]!;
    const notices = await reviewNotices(w);
    expect(notices.map((n) => n.params['day'])).not.toContain(quietDay);
    expect((await w.call('security.review', {})).days.map((d) => d.day)).not.toContain(quietDay);
    expect((await w.call('audit.page', { filter: { review: quietDay } })).rows).toEqual([]);
  });

  it('counts a webhook about an item this device never saved, and a wrong database key tried', async () => {
    const w = await startCoreWorld();
    worlds.push(w);
    await w.core.intakeWebhook({ event: 'item/updated', eventId: 'stranger-1', itemId: 'not-ours', id: 'x' });

    // The app started with a key that does not open the database: the DB stays shut, the attempt is kept.
    const wrongKey: KeyStore = {
      getOrCreateKey: async () => Buffer.alloc(32, 7),
      getSecret: async () => null,
      setSecret: async () => undefined,
    };
    const refused = await createCore({
      dataDir: w.dataDir,
      mode: 'demo',
      host: 'test',
      version: 'test',
      keyStore: wrongKey,
    });
    expect((await refused.handle('notices.list', {})).ok).toBe(false);
    await refused.close();
    const file = join(w.dataDir, WRONG_KEY_FILE);
    const kept = readFileSync(file, 'utf8');
    expect(JSON.parse(kept.trim())).toMatchObject({ event: 'db_wrong_key', source: 'keystore' });
    expect(kept).not.toContain(Buffer.alloc(32, 7).toString('hex'));

    // Once the right key opens it, the attempt moves into the audit log and the review counts it.
    await w.restartCore();
    expect(existsSync(file)).toBe(false);
    const today = lastDays(Date.now(), 1)[0]!;
    const [day] = (await w.call('security.review', {})).days;
    expect(day).toEqual({
      day: today,
      counts: { unknown_item_webhook: 1, wrong_db_key: 1 },
      entries: 2,
    });
  });
});
