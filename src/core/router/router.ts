// The router: parses untrusted input with the contract, runs the handler, and always resolves to a Result.
import type { z } from 'zod';
import {
  calls,
  isChannel,
  type Calls,
  type Channel,
  type CallOutput,
  type Result,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { PluggyApiError } from '../pluggy/errors';

export type Handlers = {
  [C in Channel]: (input: z.output<Calls[C]['input']>) => Promise<CallOutput<C>> | CallOutput<C>;
};

export interface RouterOptions {
  logger: Logger;
  /** Check every output against the contract too (tests and development); a mismatch is a bug. */
  checkOutput?: boolean;
}

export type Route = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

export function createRouter(handlers: Handlers, options: RouterOptions): Route {
  const { logger } = options;
  return async (channel, rawInput) => {
    if (!isChannel(channel)) {
      return fail(new AppError('unknown_channel', `There is no call named "${channel.slice(0, 80)}".`));
    }
    const def = calls[channel];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return fail(
        new AppError('invalid_input', `The input of ${channel} is invalid.`, {
          details: { issues: issuesOf(parsed.error) },
        }),
      );
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkOutput) {
        const checked = def.output.safeParse(value);
        if (!checked.success) {
          logger.error({ channel, issues: issuesOf(checked.error) }, 'handler output breaks the contract');
          return fail(new AppError('internal', `The answer of ${channel} broke the contract.`));
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        logger.warn({ channel, code: error.code }, error.message);
        return fail(error);
      }
      if (error instanceof PluggyApiError) {
        // Already scrubbed of secrets by the client; its details say what Pluggy answered.
        const appError = error.toAppError();
        logger.warn({ channel, code: appError.code, status: error.status }, error.message);
        return fail(appError);
      }
      logger.error({ channel, err: error }, 'handler failed');
      return fail(new AppError('internal', `Something went wrong while running ${channel}.`));
    }
  };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toJSON() };
}
