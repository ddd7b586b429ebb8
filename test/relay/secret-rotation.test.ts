// Webhook-secret rotation: the relay remembers each secret's first sighting (by hash), warns past 90 days,
// shows the ages to the admin token only, and tells devices only that a rotation is due.
import { describe, expect, it } from 'vitest';
import { createRelayLogger } from '../../src/relay';
import { AdminStatus, DeviceStatus } from '../../src/shared/relay/wire';
import {
  ADMIN_TOKEN,
  SECRET_NEW,
  SECRET_OLD,
  STORE_KINDS,
  newLocation,
  registerDevice,
  sleep,
  startTestRelay,
  useRelayCleanup,
} from './harness';

useRelayCleanup();

const DAY = 86_400_000;
const T0 = Date.parse('2026-09-01T12:00:00Z');

function capturedLogger() {
  const lines: string[] = [];
  const logger = createRelayLogger({
    level: 'warn',
    destination: { write: (l: string) => void lines.push(l) },
  });
  const warnings = () =>
    lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
  return { logger, lines, warnings };
}

describe.each(STORE_KINDS)('webhook secret rotation (%s store)', (kind) => {
  it('a secret first seen 91 days ago warns at start and daily; its age reaches only the admin token', async () => {
    const location = await newLocation(kind);
    let now = T0;
    const clock = () => now;
    const first = await startTestRelay(location, { secrets: [SECRET_OLD] }, { now: clock });
    const device = await registerDevice(first.url);
    const fresh = await fetch(`${first.url}/v1/devices/me/status`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(DeviceStatus.parse(await fresh.json())).toEqual({ secretRotationDue: false });
    await first.relay.close();

    // 91 days later the operator adds the new secret for the rotation; the old one is overdue.
    now = T0 + 91 * DAY;
    const log = capturedLogger();
    const later = await startTestRelay(
      location,
      { secrets: [SECRET_OLD, SECRET_NEW] },
      { now: clock, logger: log.logger, secretCheckEveryMs: 100 },
    );
    expect(log.warnings().map((w) => w.msg)).toEqual([
      expect.stringMatching(/webhook secret #1 is 91 days old \(over 90\): rotate it/),
    ]);

    const admin = await fetch(`${later.url}/v1/admin/status`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(admin.status).toBe(200);
    const status = AdminStatus.parse(await admin.json());
    expect(status.rotationDue).toBe(true);
    expect(status.secrets.map((s) => [s.position, s.ageDays, s.rotationDue, s.firstSeenAt])).toEqual([
      [0, 91, true, new Date(T0).toISOString()],
      [1, 0, false, new Date(T0 + 91 * DAY).toISOString()],
    ]);

    for (const authorization of [`Bearer ${device.token}`, 'Bearer wrong-token-0123456789', '']) {
      const refused = await fetch(`${later.url}/v1/admin/status`, { headers: { authorization } });
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toMatch(/ageDays|firstSeenAt|fingerprint/);
    }

    const told = await fetch(`${later.url}/v1/devices/me/status`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(await told.json()).toEqual({ secretRotationDue: true });
    const anonymous = await fetch(`${later.url}/v1/devices/me/status`);
    expect(anonymous.status).toBe(401);

    // The periodic check (a day in production) warns again while the secret stays configured.
    await sleep(350);
    expect(log.warnings().length).toBeGreaterThanOrEqual(2);
    const logged = log.lines.join('\n');
    expect(logged).not.toContain(SECRET_OLD);
    expect(logged).not.toContain(SECRET_NEW);

    // Rotation done: with only the new secret configured, nothing is due and nothing more is logged.
    await later.relay.close();
    const quiet = capturedLogger();
    const rotated = await startTestRelay(
      location,
      { secrets: [SECRET_NEW] },
      { now: clock, logger: quiet.logger },
    );
    expect(quiet.warnings()).toEqual([]);
    const after = await fetch(`${rotated.url}/v1/devices/me/status`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(await after.json()).toEqual({ secretRotationDue: false });
  });
});
