// AppError: an error as a value with a code and a message key, intact after crossing IPC or HTTP.
import { z } from 'zod';
import { ErrorCode } from './error-codes';

export const AppErrorData = z.object({
  code: ErrorCode,
  messageKey: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorData = z.infer<typeof AppErrorData>;

export interface AppErrorOptions {
  messageKey?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messageKey = options.messageKey ?? `errors.${code}`;
    this.details = options.details;
  }

  toJSON(): AppErrorData {
    return {
      code: this.code,
      messageKey: this.messageKey,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, { messageKey: data.messageKey, details: data.details });
  }
}

/** True for an AppError instance and for its plain-object form after structured clone or JSON. */
export function isAppError(value: unknown): value is AppErrorData {
  if (value instanceof AppError) return true;
  return AppErrorData.safeParse(value).success;
}

/** True when `value` is an AppError (either form) with the given code. */
export function hasErrorCode(value: unknown, code: ErrorCode): boolean {
  return isAppError(value) && value.code === code;
}
