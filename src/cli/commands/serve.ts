// `cofre serve`: the app in any browser at a local URL, until stopped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_RENDERER_DIR, launchBrowserApp } from '../../host/launch';
import { addGlobalOptions, parsePort, wrapArg } from '../global-options';

export function registerServeCommand(program: Command): void {
  addGlobalOptions(
    program
      .command('serve')
      .description('serve the app at http://127.0.0.1 (browser mode)')
      .option('--port <n>', 'port to listen on (0 = any free port)', (v) => wrapArg(() => parsePort(v)), 0),
  ).action(async (opts: { port: number; dataDir: string; demo: boolean; demoExecutionMs?: number }) => {
    if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
      throw new Error('the renderer is not built; run `npm run build` first (npm start does it for you)');
    }
    const app = await launchBrowserApp({
      dataDir: opts.dataDir,
      port: opts.port,
      demo: opts.demo,
      ...(opts.demoExecutionMs === undefined ? {} : { sandbox: { executionMs: opts.demoExecutionMs } }),
    });
    const mode = app.mode === 'demo' ? 'demo mode (built-in Pluggy sandbox)' : 'live mode';
    console.log(`Cofre is running at ${app.host.launchUrl} — ${mode}`);
    // The page says it too; the terminal hears it for whoever started the command.
    app.ready.catch((error: unknown) => {
      console.error(`Cofre could not start: ${error instanceof Error ? error.message : String(error)}`);
    });
    const stop = () => {
      void app.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
