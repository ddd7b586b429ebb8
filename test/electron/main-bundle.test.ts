// The Electron main bundle as electron-vite builds it: the sync's page decoder thread ships beside it and works.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { DecodeReply } from '../../src/core/sync/page-decoder/messages';
import { samplePage } from '../core/store/sample-data';

const root = new URL('../../', import.meta.url);

describe('the built Electron main bundle', () => {
  it('carries page-decoder-worker.js beside index.js, and that thread decodes a page', async () => {
    const build = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('node_modules/electron-vite/bin/electron-vite.js', root)),
        'build',
        '--config',
        'electron/electron.vite.config.ts',
        '--logLevel',
        'warn',
      ],
      { cwd: fileURLToPath(root), encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
    // page-decoder.ts looks for the worker next to the module it was bundled into.
    const index = readFileSync(new URL('out/main/index.js', root), 'utf8');
    expect(index).toContain('new URL("./page-decoder-worker.js", import.meta.url)');

    const worker = new Worker(new URL('out/main/page-decoder-worker.js', root));
    try {
      const reply = new Promise<DecodeReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const page = samplePage(0, 5, 'acc-1');
      worker.postMessage({ id: 1, body: Buffer.from(JSON.stringify({ results: page, next: null })) });
      const answer = await reply;
      expect(answer).toMatchObject({ id: 1, result: { ok: true, value: { next: null } } });
      if (!('result' in answer) || !answer.result.ok) return;
      expect(answer.result.value.rows.map((r) => r[0])).toEqual(page.map((t) => t.id));
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
