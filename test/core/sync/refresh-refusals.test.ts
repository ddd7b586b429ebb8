// What the user sees and what Cofre does next for every refusal of PATCH /items/{id}, against the real sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  interpolate,
  statusMessagesEn,
  statusMessagesPtBR,
} from '../../../src/shared/messages/status-messages';
import { offsetClock, startCoreWorld, type CoreWorld } from '../../helpers/core-world';

type View = Awaited<ReturnType<CoreWorld['settle']>>;

const clock = offsetClock();
let world: CoreWorld;
beforeAll(async () => {
  world = await startCoreWorld({ clock, sandbox: { transactionsPerAccount: 30 } });
});
afterAll(() => world.close());

const patches = () => world.sandbox.admin.requestCounts()['PATCH /items/:id'] ?? 0;

async function force(itemId: string, code: string, times = 1): Promise<void> {
  const res = await fetch(`${world.sandbox.url}/__sandbox/refusal`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ itemId, code, times }),
  });
  expect(res.status).toBe(200);
}

/** A manual sync (the button), then the connection once it settled. */
async function syncNow(itemId: string): Promise<View> {
  await world.call('connections.sync', { itemId });
  return world.settle(itemId);
}

/** The sentence the card shows, in both languages, from the view's key and params. */
function sentences(view: View): string[] {
  const key = view.messageKey.replace(/^status\./, '');
  return [statusMessagesPtBR, statusMessagesEn].map((m) =>
    interpolate((m.status as Record<string, string>)[key] ?? '', view.messageParams),
  );
}

const runsOf = async (itemId: string) => world.call('sync.runs', { itemId, limit: 50 });

describe('refusals of a refresh', () => {
  it('409 too frequent: reads what Pluggy has, shows no error, says when the next refresh is allowed', async () => {
    const itemId = await world.connect('user-ok');
    const first = await world.settle(itemId);
    await force(itemId, 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY');
    const before = patches();
    const view = await syncNow(itemId);
    expect(view).toMatchObject({ severity: 'ok', action: 'none', consecutiveFailures: 0, nextRetryAt: null });
    expect((await runsOf(itemId))[0]).toMatchObject({ reason: 'manual', outcome: 'success' });
    // lastUpdatedAt + 24 h, as the refusal's data says.
    expect(Date.parse(view.refreshBlockedUntil!)).toBeGreaterThan(clock.now() + 23 * 3_600_000);
    expect(first.refreshBlockedUntil).toBeNull();
    // Until then Cofre sends no refresh at all: the next sync only reads.
    await syncNow(itemId);
    expect(patches() - before).toBe(1);
  });

  it('TOO_MANY_CONSECUTIVE_ERRORS: tells the user Pluggy paused the link, asks to reconnect, never retries', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    await force(itemId, 'TOO_MANY_CONSECUTIVE_ERRORS');
    const view = await syncNow(itemId);
    expect(view).toMatchObject({
      severity: 'error',
      messageKey: 'status.TOO_MANY_CONSECUTIVE_ERRORS',
      action: 'reconnect',
      nextRetryAt: null,
    });
    const [pt, en] = sentences(view);
    expect(pt).toContain('pausou');
    expect(en).toContain('paused');
  });

  it('TOO_MANY_CONSECUTIVE_LOGIN_FAILURES: nothing until canRetryAfterDate, shown as a date and time', async () => {
    const itemId = await world.connect('user-bad');
    await world.settle(itemId);
    await syncNow(itemId); // the second login error in a row
    const before = patches();
    const view = await syncNow(itemId);
    expect(patches() - before).toBe(1);
    expect(view).toMatchObject({
      severity: 'error',
      messageKey: 'status.TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
      action: 'wait_until',
      nextRetryAt: null,
    });
    const until = view.messageParams['until']!;
    expect(view.refreshBlockedUntil).toBe(until);
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(sentences(view)[1]).toContain(until);
    // Asked again before that time, Cofre does not even ask Pluggy.
    expect((await syncNow(itemId)).messageKey).toBe('status.TOO_MANY_CONSECUTIVE_LOGIN_FAILURES');
    expect(patches() - before).toBe(1);
  });

  it('a new MFA token: asked in-app, sent with the refresh once; a used one is refused and asked again', async () => {
    const itemId = await world.connect('user-ok', 1, { token: '123456' });
    expect((await world.settle(itemId)).severity).toBe('ok');
    const asked = await syncNow(itemId);
    expect(asked).toMatchObject({
      messageKey: 'status.CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
      action: 'answer_mfa',
      nextRetryAt: null,
    });
    expect(asked.mfa).toMatchObject({ name: 'token' });

    await world.call('connections.submitMfa', { itemId, values: { token: '123456' } });
    const reused = await world.settle(itemId);
    expect(reused).toMatchObject({
      messageKey: 'status.MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
      action: 'answer_mfa',
      nextRetryAt: null,
    });
    expect(reused.mfa?.name).toBe('token');

    const before = patches();
    await world.call('connections.submitMfa', { itemId, values: { token: '654321' } });
    const done = await world.settle(itemId);
    expect(done).toMatchObject({ severity: 'ok', action: 'none', consecutiveFailures: 0, mfa: null });
    expect(patches() - before).toBe(1);
    // The code was never stored: the next refresh asks for a new one instead of sending it again.
    const again = await syncNow(itemId);
    expect(again.messageKey).toBe('status.CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR');
  });

  it('a wrong code at a 1-step bank: the card and its notice both ask for a new code, not for another sync', async () => {
    const itemId = await world.connect('user-ok', 1, { token: '123456' });
    await world.settle(itemId);
    await syncNow(itemId);
    await world.call('connections.submitMfa', { itemId, values: { token: '000000' } });
    const wrong = await world.settle(itemId);
    expect(wrong).toMatchObject({
      messageKey: 'status.INVALID_CREDENTIALS_MFA_NEW_CODE',
      action: 'answer_mfa',
    });
    expect(wrong.mfa?.name).toBe('token');
    const notices = (await world.call('notices.list', {})).filter((n) => n.connectionId === itemId);
    const keys = notices.map((n) => n.messageKey);
    expect(keys).toContain('status.INVALID_CREDENTIALS_MFA_NEW_CODE');
    expect(keys).not.toContain('status.INVALID_CREDENTIALS_MFA');
    // The earlier "the bank wants a new code" was answered: it gave way to this one.
    expect(keys).not.toContain('status.CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR');
  });

  it('"already updating" without a codeDescription joins the running execution', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    await force(itemId, 'ALREADY_UPDATING_WITHOUT_CODE');
    const view = await syncNow(itemId);
    expect(view).toMatchObject({ severity: 'ok', consecutiveFailures: 0 });
    expect((await runsOf(itemId))[0]).toMatchObject({ outcome: 'success' });
  });

  it('429 on a refresh the user waits for: reads current data at once, one PATCH, no minute-long wait', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    await force(itemId, 'RATE_LIMITED');
    const before = patches();
    const started = Date.now();
    const view = await syncNow(itemId);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(patches() - before).toBe(1);
    expect(view).toMatchObject({ severity: 'ok', consecutiveFailures: 0 });
    expect(Date.parse(view.refreshBlockedUntil!)).toBeGreaterThan(clock.now());
  });

  it('CLIENT_IP_NOT_ALLOWED has its own message and action', async () => {
    const itemId = await world.connect('user-ok');
    await world.settle(itemId);
    // Twice: the client re-authenticates once on a 403 before giving up.
    await force(itemId, 'CLIENT_IP_NOT_ALLOWED', 2);
    const view = await syncNow(itemId);
    expect(view).toMatchObject({
      messageKey: 'status.CLIENT_IP_NOT_ALLOWED',
      action: 'check_pluggy_account',
      nextRetryAt: null,
    });
    expect(sentences(view)[0]).toContain('IP');
  });
});

describe('automatic refreshes over a simulated day (no retry storm)', () => {
  const dayClock = offsetClock();
  let day: CoreWorld;
  beforeAll(async () => {
    day = await startCoreWorld({ clock: dayClock, sandbox: { transactionsPerAccount: 30, seed: 'day' } });
  });
  afterAll(() => day.close());

  /** Moves the clock through 24 h in 5-minute steps, letting the scheduler do whatever is due. */
  async function liveADay(itemId: string): Promise<number> {
    const count = () => day.sandbox.admin.requestCounts()['PATCH /items/:id'] ?? 0;
    const before = count();
    for (let minutes = 0; minutes < 24 * 60; minutes += 5) {
      dayClock.advance(5 * 60_000);
      await day.core.scheduler!.tick();
      await day.settle(itemId);
    }
    return count() - before;
  }

  it('a bank that stays down gets 3 automatic refreshes in a row, then none', async () => {
    const itemId = await day.connect('user-unavailable');
    expect((await day.settle(itemId)).action).toBe('wait_retry');
    expect(await liveADay(itemId)).toBe(3);
    const retries = (await day.call('sync.runs', { itemId, limit: 50 })).filter((r) => r.reason === 'retry');
    expect(retries).toHaveLength(3);
    const view = await day.settle(itemId);
    expect(view.nextRetryAt).toBeNull();
    expect(view.consecutiveFailures).toBe(4);
  });

  it('credential errors get no automatic refresh at all', async () => {
    for (const user of ['user-locked', 'user-bad', 'user-account-credentials-reset']) {
      const itemId = await day.connect(user);
      expect((await day.settle(itemId)).nextRetryAt, user).toBeNull();
      expect(await liveADay(itemId), user).toBe(0);
    }
  });
});
