import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, loopbackOrigin } from '../../electron/main/csp';
import { createHardenedWindow } from '../../electron/main/window-options';

vi.mock('electron', () => import('./fake-electron'));
const fake = await import('./fake-electron');

describe('window options', () => {
  it('follow the security checklist exactly, for every window', () => {
    createHardenedWindow('/app/out/preload/index.cjs', { width: 1200, height: 800 });
    createHardenedWindow('/app/out/preload/passphrase.cjs', {
      width: 420,
      height: 240,
      show: true,
      resizable: false,
    });
    const [main, prompt] = fake.FakeBrowserWindow.created.map((w) => w.options);
    expect(main?.['webPreferences']).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(main).toMatchObject({ width: 1200, height: 800, show: false, minWidth: 800, minHeight: 560 });
    expect(prompt?.['webPreferences']).toEqual({
      ...(main?.['webPreferences'] as object),
      preload: '/app/out/preload/passphrase.cjs',
    });
    expect(prompt).toMatchObject({ width: 420, height: 240, show: true, resizable: false });
  });
});

describe('content security policy', () => {
  const common = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  const directives = (csp: string) => csp.split('; ');

  it('in demo mode allows our files and frames only the sandbox Connect page', () => {
    const csp = contentSecurityPolicy({ mode: 'demo', demoConnectOrigin: 'http://127.0.0.1:43210' });
    expect(directives(csp).sort()).toEqual(
      [...common, "img-src 'self' data:", "frame-src 'self' http://127.0.0.1:43210"].sort(),
    );
  });

  it('in live mode adds exactly the Pluggy Connect origin, and no remote image source', () => {
    const csp = contentSecurityPolicy({ mode: 'live', demoConnectOrigin: 'http://127.0.0.1:43210' });
    expect(directives(csp).sort()).toEqual(
      [...common, "img-src 'self' data:", 'frame-src https://connect.pluggy.ai'].sort(),
    );
  });

  it('frames nothing in demo mode without a sandbox', () => {
    expect(contentSecurityPolicy({ mode: 'demo', demoConnectOrigin: null })).toContain("frame-src 'none'");
  });

  it('never allows inline or eval scripts, nor remote scripts', () => {
    for (const mode of ['demo', 'live'] as const) {
      const script = directives(contentSecurityPolicy({ mode, demoConnectOrigin: null })).find((d) =>
        d.startsWith('script-src'),
      );
      expect(script).toBe("script-src 'self'");
    }
  });

  it('takes only a loopback http origin for the demo Connect page', () => {
    expect(loopbackOrigin('http://127.0.0.1:5000/connect')).toBe('http://127.0.0.1:5000');
    expect(loopbackOrigin('https://127.0.0.1:5000/connect')).toBeNull();
    expect(loopbackOrigin('http://example.com/connect')).toBeNull();
  });
});
