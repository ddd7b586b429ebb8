import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core';
import type { AppStartup } from '../../src/shared/contract';
import { launchBrowserApp, type LaunchedApp } from '../../src/host/launch';
import { tempDir } from '../helpers/temp-dir';
import { makeUpgradingDataDir } from '../helpers/upgrading-data-dir';

const dataDir = tempDir('cofre-host-upgrade-');
let app: LaunchedApp;

beforeAll(() => {
  makeUpgradingDataDir(dataDir, 8_000);
});
afterAll(async () => {
  await app?.close();
});

const rpc = async (channel: string): Promise<{ ok: boolean; value?: unknown }> => {
  const res = await fetch(`${app.host.url}/rpc/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.host.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return (await res.json()) as { ok: boolean; value?: unknown };
};

describe('the browser host while the database is upgraded', () => {
  it('serves at once and answers app.startup with rising progress, then the app', async () => {
    app = await launchBrowserApp({
      dataDir,
      demo: true,
      rendererDir: '/nonexistent',
      logger: silentLogger(),
      sandbox: { executionMs: 0 },
    });
    const seen: AppStartup[] = [];
    for (;;) {
      const result = await rpc('app.startup');
      expect(result.ok).toBe(true);
      const status = result.value as AppStartup;
      seen.push(status);
      if (status.state === 'ready' || status.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.at(-1)?.state).toBe('ready');
    const upgrading = seen.filter((s) => s.state === 'upgrading');
    // The host answered many times during the upgrade, each time with a percent no lower than the last.
    expect(upgrading.length).toBeGreaterThan(3);
    const percents = upgrading.map((s) => s.percent ?? -1);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1]!);
    expect(new Set(percents).size).toBeGreaterThan(1);
    expect(upgrading.some((s) => s.task === 'migrate')).toBe(true);

    const stats = await rpc('diagnostics.database');
    expect(stats.ok).toBe(true);
    expect((stats.value as { rows: Record<string, number> }).rows['transactions']).toBe(8_000);
  });
});
