// The built renderer's index.html as the browser host serves it: with the HTTP bridge loaded first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadIndexHtml(rendererDir: string): string | undefined {
  const file = join(rendererDir, 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  // Module scripts run in document order, so the bridge defines window.cofre before the app starts.
  return html.replace('<head>', '<head>\n    <script type="module" src="/bridge.js"></script>');
}

export function contentSecurityPolicy(frameSources: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // Bank logos arrive as data: URLs the core keeps in the DB: the page never loads a remote image.
    "img-src 'self' data:",
    "connect-src 'self'",
    // 'self' for the one-time /connect-frame/ URL, which redirects to the Connect page's origin.
    `frame-src 'self' ${frameSources.join(' ')}`.trimEnd(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
