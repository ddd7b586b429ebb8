// `cofre serve`: the app in any browser at a local URL, until stopped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_RENDERER_DIR, launchBrowserApp } from '../../host/launch';
import { addGlobalOptions, parsePort, wrapArg } from '../global-options';

interface ServeOptions {
  port: number;
  dataDir: string;
  demo: boolean;
  demoExecutionMs?: number;
  demoAdmin: boolean;
}

export function registerServeCommand(program: Command): void {
  addGlobalOptions(
    program
      .command('serve')
      .description('serve the app at http://127.0.0.1 (browser mode)')
      .option('--port <n>', 'port to listen on (0 = any free port)', (v) => wrapArg(() => parsePort(v)), 0)
      .option(
        '--demo-admin',
        "enable the demo sandbox's /__sandbox routes (truth, advance, hide) and print their address",
        false,
      ),
  ).action(async (opts: ServeOptions) => {
    if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
      throw new Error('the renderer is not built; run `npm run build` first (npm start does it for you)');
    }
    const app = await launchBrowserApp({
      dataDir: opts.dataDir,
      port: opts.port,
      demo: opts.demo,
      sandbox: {
        ...(opts.demoExecutionMs === undefined ? {} : { executionMs: opts.demoExecutionMs }),
        ...(opts.demoAdmin ? { admin: true } : {}),
      },
    });
    const mode = app.mode === 'demo' ? 'demo mode (built-in Pluggy sandbox)' : 'live mode';
    console.log(`Cofre is running at ${app.host.launchUrl} — ${mode}`);
    // Tests drive the demo bank through these (a row the API leaves out, new data, the ground truth).
    if (opts.demoAdmin && app.sandboxUrl)
      console.log(`Demo sandbox admin routes: ${app.sandboxUrl}/__sandbox`);
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
