// Runs one CLI command against an in-process core: open, call through the contract, close, exit code.
import { createLogger } from '../core';
import type { CallInput, CallOutput, Channel } from '../shared/contract';
import { AppError } from '../shared/errors';
import { logFile, startCore, type StartedCore } from '../host/start-core';
import type { GlobalOptions } from './global-options';
import { openCliLogFile } from './log-file';

export interface CliCore {
  started: StartedCore;
  call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>>;
}

export async function withCore<T>(options: GlobalOptions, work: (cli: CliCore) => Promise<T>): Promise<T> {
  const log = openCliLogFile(logFile(options.dataDir));
  let started: StartedCore;
  try {
    started = await startCore({
      dataDir: options.dataDir,
      demo: options.demo,
      host: 'cli',
      logger: createLogger({ destination: log }),
      // A one-shot command does its own syncing; the background scheduler belongs to long-running hosts.
      scheduler: false,
      relay: false,
      // Every command needs the DB: one that cannot open (wrong key, damage) stops here, having written nothing.
      requireDb: true,
      ...(options.demoExecutionMs === undefined ? {} : { sandbox: { executionMs: options.demoExecutionMs } }),
    });
  } catch (error) {
    log.close();
    throw error;
  }
  const cli: CliCore = {
    started,
    async call(channel, input) {
      const result = await started.core.handle(channel, input);
      if (!result.ok) throw AppError.fromData(result.error);
      return result.value as CallOutput<typeof channel>;
    },
  };
  try {
    return await work(cli);
  } finally {
    await started.close();
    log.close();
  }
}
