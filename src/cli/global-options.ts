// Options every command shares: where the data lives and whether to run against the demo sandbox.
import { InvalidArgumentError, type Command } from 'commander';
import { defaultDataDir } from '../core';

export interface GlobalOptions {
  dataDir: string;
  demo: boolean;
  /** How long one demo bank sync takes (the sandbox's execution time); short in tests. */
  demoExecutionMs?: number;
}

export function addGlobalOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'where Cofre keeps its data', defaultDataDir())
    .option('--demo', 'use the built-in Pluggy sandbox instead of the real API', false)
    .option('--demo-execution-ms <ms>', 'how long a demo bank sync takes', (v) => wrapArg(() => parseMs(v)));
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${value}"`);
  }
  return port;
}

export function parseMs(value: string): number {
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms > 3_600_000) {
    throw new Error(`expected a duration in milliseconds from 0 to 3600000, not "${value}"`);
  }
  return ms;
}

/** Commander shows an InvalidArgumentError as a one-line reason for the flag. */
export function wrapArg<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
