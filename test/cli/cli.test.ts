import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

describe('the cofre command', () => {
  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('exits non-zero with a one-line reason on a bad argument', async () => {
    const badPort = await runCli(['serve', '--port', 'abc']);
    expect(badPort.code).not.toBe(0);
    expect(badPort.stderr).toMatch(/--port must be a whole number/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.split('\n')[0]).toMatch(/unknown command 'frobnicate'/);
  });

  it('serves the app at a printed loopback URL with a token until stopped', async () => {
    const dataDir = tempDir();
    const { child, match } = await startCli(
      ['serve', '--demo', '--port', '0', '--data-dir', dataDir],
      /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/,
    );
    try {
      const [, base, token] = match;
      const res = await fetch(`${base}/rpc/health.get`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await res.json()).toMatchObject({ ok: true, value: { mode: 'demo', dataDir } });
      const page = await fetch(`${base}/`);
      expect(await page.text()).toContain('/bridge.js');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
