// `cofre sandbox`: runs the Pluggy sandbox standalone on 127.0.0.1 until SIGINT/SIGTERM.
import type { Command } from 'commander';
import { FaultOptions, startSandbox, type SandboxStartOptions } from '../../sandbox';

interface SandboxFlags {
  port: string;
  seed: string;
  admin?: boolean;
  faults?: string;
  executionMs?: string;
  clientId?: string;
  clientSecret?: string;
  dataDir?: string;
  legacyTransactions?: boolean;
  transactionsPerAccount?: string;
}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return value;
}

/** Turns the flags into sandbox options; throws a one-line reason on bad input. */
export function sandboxOptionsFromFlags(flags: SandboxFlags): SandboxStartOptions {
  const options: SandboxStartOptions = {
    port: integer('port', flags.port, 0, 65_535),
    seed: flags.seed,
    admin: flags.admin === true,
    newDataOnSync: true,
  };
  if (flags.executionMs !== undefined)
    options.executionMs = integer('execution-ms', flags.executionMs, 0, 3_600_000);
  if (flags.transactionsPerAccount !== undefined)
    options.transactionsPerAccount = integer(
      'transactions-per-account',
      flags.transactionsPerAccount,
      0,
      1_000_000,
    );
  if ((flags.clientId === undefined) !== (flags.clientSecret === undefined))
    throw new Error('--client-id and --client-secret go together');
  if (flags.clientId !== undefined) options.clientId = flags.clientId;
  if (flags.clientSecret !== undefined) options.clientSecret = flags.clientSecret;
  if (flags.dataDir !== undefined) options.dataDir = flags.dataDir;
  if (flags.legacyTransactions) options.legacyTransactions = true;
  if (flags.faults !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(flags.faults);
    } catch (err) {
      throw new Error('--faults must be JSON, e.g. {"error5xxRate":0.1}', { cause: err });
    }
    const parsed = FaultOptions.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `--faults: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}`,
      );
    }
    options.faults = parsed.data;
  }
  return options;
}

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('Run the local Pluggy API simulator on 127.0.0.1')
    .option('--port <n>', 'port to listen on (0 = any free port)', '0')
    .option('--seed <s>', 'seed of the generated data', 'cofre')
    .option('--admin', 'enable the /__sandbox admin routes (truth, advance, stats)')
    .option('--faults <json>', 'fault injection options as JSON')
    .option('--execution-ms <ms>', 'duration of one item execution')
    .option('--client-id <id>', 'client id to accept')
    .option('--client-secret <secret>', 'client secret to accept')
    .option('--data-dir <dir>', 'persist the sandbox state under this directory')
    .option('--legacy-transactions', 'serve the deprecated GET /transactions instead of 410')
    .option('--transactions-per-account <n>', 'generated transactions per checking and card account')
    .action(async (flags: SandboxFlags) => {
      // A bad flag throws a one-line reason; main.ts prints it and exits non-zero.
      const options = sandboxOptionsFromFlags(flags);
      const sandbox = await startSandbox(options);
      // Printing the credentials is the point of this command: they are the sandbox's own fake pair.
      console.log(`Pluggy sandbox listening on ${sandbox.url}`);
      console.log(`clientId:     ${sandbox.clientId}`);
      console.log(`clientSecret: ${sandbox.clientSecret}`);
      console.log(`connect page: ${sandbox.url}/connect`);
      if (options.admin) console.log(`admin:        ${sandbox.url}/__sandbox/stats`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await sandbox.close();
    });
}
