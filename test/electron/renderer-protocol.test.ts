import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOwnPageUrl } from '../../electron/main/app-origin';
import { rendererRequestHandler } from '../../electron/main/renderer-protocol';
import { tempDir } from '../helpers/temp-dir';

const root = tempDir('cofre-renderer-protocol-');
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'outside the renderer');

const handler = rendererRequestHandler({
  rendererDir,
  csp: () => "default-src 'self'",
  virtualFile: (path) =>
    path === '/__shell/x.html' ? { type: 'text/html; charset=utf-8', body: '<p>x</p>' } : null,
});
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app:// renderer protocol', () => {
  it('serves index.html with the CSP header', async () => {
    for (const url of ['app://cofre/', 'app://cofre/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('id="root"');
    }
  });

  it('serves assets with their type and nosniff, without a CSP', async () => {
    const response = await get('app://cofre/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('serves in-memory documents with the CSP', async () => {
    const response = await get('app://cofre/__shell/x.html');
    expect(await response.text()).toBe('<p>x</p>');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
  });

  it('refuses paths outside the renderer folder, other hosts, other methods and unknown types', async () => {
    for (const url of [
      'app://cofre/../secret.txt',
      'app://cofre/%2e%2e/secret.txt',
      'app://cofre/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://cofre/%E0%A4%A',
      'app://other/index.html',
      'app://cofre/missing.js',
      'app://cofre/assets',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get('app://cofre/index.html', 'POST')).status).toBe(404);
  });

  it('recognises our own page URLs only', () => {
    expect(isOwnPageUrl('app://cofre/index.html')).toBe(true);
    expect(isOwnPageUrl('app://evil/index.html')).toBe(false);
    expect(isOwnPageUrl('file:///index.html')).toBe(false);
    expect(isOwnPageUrl('https://cofre/index.html')).toBe(false);
    expect(isOwnPageUrl('garbage')).toBe(false);
  });
});
