// A paired app learns from its relay only that the webhook secret is due for rotation, and shows one notice.
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreWorld, type CoreWorld } from '../../helpers/core-world';
import { until } from '../../helpers/until';
import {
  ADMIN_TOKEN,
  SECRET_NEW,
  SECRET_OLD,
  newLocation,
  startTestRelay,
  useRelayCleanup,
} from '../../relay/harness';

useRelayCleanup();
let world: CoreWorld | undefined;
afterAll(async () => world?.close());

const DAY = 86_400_000;

describe('webhook secret rotation, as the paired app sees it', () => {
  it('shows one "rotation due" notice and the flag on the relay status, and never an age or a secret', async () => {
    const location = await newLocation('sqlite');
    let now = Date.parse('2026-09-01T12:00:00Z');
    const clock = () => now;
    const first = await startTestRelay(location, { secrets: [SECRET_OLD] }, { now: clock });
    await first.relay.close();
    now += 91 * DAY;
    const relay = await startTestRelay(location, { secrets: [SECRET_OLD, SECRET_NEW] }, { now: clock });

    world = await startCoreWorld();
    const w = world;
    const paired = await w.call('relay.pair', { url: relay.url, adminToken: ADMIN_TOKEN });
    expect(paired.state).not.toBe('unpaired');
    const status = await until(async () => {
      const s = await w.call('relay.status', {});
      return s.rotationDue ? s : null;
    });
    expect(status.rotationDue).toBe(true);

    await w.core.handle('relay.status', {});
    const notices = (await w.call('notices.list', {})).filter((n) => n.kind === 'relay_rotation_due');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      level: 'warning',
      messageKey: 'notices.relay_rotation_due',
      params: {},
    });
    const text = JSON.stringify([status, notices]);
    expect(text).not.toMatch(/ageDays|firstSeenAt|fingerprint/);
    expect(text).not.toContain(SECRET_OLD);
  });
});
