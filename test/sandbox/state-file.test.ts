// Two processes with one data dir save the sandbox state at the same time: neither crashes, the file stays whole.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cofre-sandbox-two-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const worker = fileURLToPath(new URL('./workers/state-writer.ts', import.meta.url));

function writer(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, '2000'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the sandbox state file', () => {
  it('is written through a temp name of its own by each process', async () => {
    const results = await Promise.all([writer(), writer()]);
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const saved = JSON.parse(readFileSync(join(dir, 'sandbox-state.json'), 'utf8')) as { seed: string };
    expect(saved.seed).toBe('two-writers');
  }, 60_000);
});
