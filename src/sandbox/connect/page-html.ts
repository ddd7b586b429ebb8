// The HTML shell of the demo Connect page (styles inline, scripts from the same origin, no CDN).
export const CONNECT_HTML = `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pluggy Connect (sandbox)</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1b; background: #fff; }
  header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px; border-bottom: 1px solid #eee; }
  header h1 { font-size: 15px; margin: 0; }
  header button { border: 0; background: none; font-size: 20px; cursor: pointer; color: #666; }
  main { padding: 16px; }
  .banks { list-style: none; margin: 0; padding: 0; }
  .banks button { width: 100%; display: flex; align-items: center; gap: 10px; padding: 10px; margin-bottom: 6px; border: 1px solid #e5e5e5; border-radius: 8px; background: #fff; cursor: pointer; text-align: left; font: inherit; }
  .banks button:hover, .banks button:focus { border-color: #ef294b; outline: none; }
  .dot { width: 24px; height: 24px; border-radius: 50%; flex: none; }
  label { display: block; margin: 12px 0 4px; font-weight: 600; }
  input, select { width: 100%; padding: 9px 10px; border: 1px solid #ccc; border-radius: 6px; font: inherit; }
  .hint { color: #666; font-size: 12px; margin-top: 4px; }
  .primary { margin-top: 16px; width: 100%; padding: 11px; border: 0; border-radius: 8px; background: #ef294b; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  .primary[disabled] { opacity: .6; cursor: default; }
  .status { padding: 24px 0; text-align: center; }
  .error { color: #b00020; }
  .spinner { width: 28px; height: 28px; margin: 0 auto 12px; border: 3px solid #eee; border-top-color: #ef294b; border-radius: 50%; animation: spin 1s linear infinite; }
  @keyframes spin { to { transform: rotate(360deg); } }
</style>
</head>
<body>
<header><h1 id="title">Conectar conta</h1><button id="close" type="button" aria-label="Fechar">×</button></header>
<main id="root" aria-live="polite"></main>
<script src="/connect/zoid.js"></script>
<script src="/connect/app.js"></script>
</body>
</html>
`;
