// Fatura notices against a synced sandbox card: closing in 3 days and due in 3 days, raised by a sync run or a
// check, each once, not again after being dismissed, and put away by themselves once the day has passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsView } from '../../../src/core/bills/card-faturas';
import { systemSleepClock } from '../../../src/core/clock';
import { silentLogger } from '../../../src/core/logging/logger';
import { raiseFaturaNotices } from '../../../src/core/notices/fatura-notices';
import { dismissNotice, listNotices } from '../../../src/core/store';
import { createSyncEngine } from '../../../src/core/sync/sync-engine';
import type { NoticeView } from '../../../src/shared/contract';
import { startSyncWorld, type SyncWorld } from '../../helpers/sync-world';

const DAY = 86_400_000;
let world: SyncWorld;
const raised: NoticeView[] = [];
let closing: string;
let due: string;
let openTotal: number;
let itemId: string;

beforeAll(async () => {
  world = await startSyncWorld({ transactionsPerAccount: 200, seed: 'fatura-notices' });
  itemId = (await world.connect('user-ok')).id;
  expect((await world.engine.sync(itemId, 'connect').done).outcome).toBe('success');
  await world.engine.drain();
  // The run raised what today calls for (today may be 3 days from a closing); these tests pick their own days.
  world.db.prepare(`DELETE FROM notices WHERE kind IN ('fatura_closing', 'fatura_due')`).run();
  world.events.on('notices.new', (n) => raised.push(n));
  const open = cardsView(world.db, Date.now()).cards[0]!.open!;
  closing = open.closingDate!;
  due = open.dueDate!;
  openTotal = open.total;
});
afterAll(() => world.close());

const active = (kind: string) => listNotices(world.db).filter((n) => n.kind === kind);
const at = (iso: string, days: number) => Date.parse(`${iso.slice(0, 10)}T12:00:00.000Z`) + days * DAY;

describe('fatura notices', () => {
  it('says nothing while the closing and due dates are more than 3 days away', () => {
    raiseFaturaNotices(world.db, world.events, at(closing, -4));
    expect(active('fatura_closing')).toEqual([]);
    expect(active('fatura_due')).toEqual([]);
  });

  it('raises the closing notice once, 3 days ahead, with the card and the running total, from a sync run', async () => {
    // The run that ends 3 days before the closing raises it; the next check does not raise it twice.
    const engine = createSyncEngine({
      db: world.db,
      api: world.client,
      clock: { ...systemSleepClock, now: () => at(closing, -3) },
      events: world.events,
      logger: silentLogger(),
    });
    expect((await engine.sync(itemId, 'poll').done).outcome).toBe('success');
    await engine.drain();
    expect(active('fatura_closing')).toHaveLength(1);
    raiseFaturaNotices(world.db, world.events, at(closing, -2));
    const [notice, ...more] = active('fatura_closing');
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ level: 'info', messageKey: 'notices.fatura_closing' });
    expect(notice!.params).toMatchObject({
      bank: 'Pluggy Bank',
      date: closing.slice(0, 10),
      totalCents: openTotal,
      currency: 'BRL',
    });
    expect(String(notice!.params!['card'])).toMatch(/^Pluggy Mastercard Black •••• \d{4}$/);
    expect(raised.filter((n) => n.kind === 'fatura_closing')).toHaveLength(1);
  });

  it('puts it away by itself once the fatura has closed, and does not raise it again', () => {
    raiseFaturaNotices(world.db, world.events, at(closing, 1));
    expect(active('fatura_closing')).toEqual([]);
    raiseFaturaNotices(world.db, world.events, at(closing, -1));
    expect(active('fatura_closing')).toEqual([]);
    expect(raised.filter((n) => n.kind === 'fatura_closing')).toHaveLength(1);
  });

  it('raises the due notice 3 days ahead with what is left to pay, kept through the due day', () => {
    raiseFaturaNotices(world.db, world.events, at(due, -4));
    expect(active('fatura_due')).toEqual([]);
    raiseFaturaNotices(world.db, world.events, at(due, -3));
    const [notice, ...more] = active('fatura_due');
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ level: 'warning', messageKey: 'notices.fatura_due' });
    expect(notice!.params).toMatchObject({ date: due.slice(0, 10), amountCents: openTotal, currency: 'BRL' });
    raiseFaturaNotices(world.db, world.events, at(due, 0));
    expect(active('fatura_due')).toHaveLength(1);
  });

  it('does not raise the due notice again once the person dismissed it', () => {
    dismissNotice(world.db, active('fatura_due')[0]!.id);
    raiseFaturaNotices(world.db, world.events, at(due, -1));
    expect(active('fatura_due')).toEqual([]);
    expect(raised.filter((n) => n.kind === 'fatura_due')).toHaveLength(1);
  });
});
