// The passphrase prompt's page and script, served from memory on app://cofre/__shell/ (same CSP as the app).
import type { ShellText } from './shell-text';

export const PASSPHRASE_PAGE_PATH = '/__shell/passphrase.html';
export const PASSPHRASE_SCRIPT_PATH = '/__shell/passphrase.js';
export const PASSPHRASE_CHANNEL = 'cofre:passphrase';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function passphraseHtml(text: ShellText, wrong: boolean, lang: string): string {
  const t = (s: string) => escapeHtml(s);
  return `<!doctype html>
<html lang="${t(lang)}">
<head><meta charset="utf-8"><title>${t(text.passphraseTitle)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px}input{width:100%;padding:6px;margin:12px 0}
.wrong{color:#b00020}.row{display:flex;gap:8px;justify-content:flex-end}</style></head>
<body>
<form id="form"><label for="pass">${t(text.passphrasePrompt)}</label>
<input id="pass" type="password" autocomplete="current-password" autofocus required>
${wrong ? `<p class="wrong" role="alert">${t(text.passphraseWrong)}</p>` : ''}
<div class="row"><button type="button" id="cancel">${t(text.passphraseCancel)}</button>
<button type="submit">${t(text.passphraseOk)}</button></div></form>
<script src="${PASSPHRASE_SCRIPT_PATH}"></script>
</body></html>`;
}

/** Runs in the sandboxed prompt page; talks only to window.cofrePrompt from the prompt's preload. */
export const PASSPHRASE_SCRIPT = `'use strict';
document.getElementById('form').addEventListener('submit', function (event) {
  event.preventDefault();
  window.cofrePrompt.submit(document.getElementById('pass').value);
});
document.getElementById('cancel').addEventListener('click', function () { window.cofrePrompt.cancel(); });
`;
