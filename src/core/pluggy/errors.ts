// Typed errors of the Pluggy client: one class per failure kind, a plain form that survives IPC, guards.
import { AppError, type ErrorCode } from '../../shared/errors';
import type { ErrorDetail } from '../../shared/pluggy';
import { JWT_PATTERN } from '../logging/secret-keys';
import { refusalOf } from './refusals';

export const PLUGGY_ERROR_NAMES = [
  'PluggyApiError',
  'PluggyAuthError',
  'PluggyRateLimitError',
  'PluggyNotFoundError',
  'PluggyDeprecatedEndpointError',
  'PluggyValidationError',
  'PluggyNetworkError',
  'PluggyBadPayloadError',
] as const;
export type PluggyErrorName = (typeof PLUGGY_ERROR_NAMES)[number];

/** One failing field of a payload that did not match its schema. */
export interface PayloadIssue {
  path: string;
  message: string;
}

export interface PluggyErrorInit {
  /** HTTP status; null when no response arrived (network errors). */
  status: number | null;
  message: string;
  method: string;
  /** Path (and non-secret query) of the request. */
  path: string;
  codeDescription?: string | null;
  errorId?: string | null;
  data?: Record<string, unknown> | null;
  details?: ErrorDetail[] | null;
  retryAfterMs?: number | null;
  /** Node/got error code such as ECONNRESET or ETIMEDOUT. */
  networkCode?: string | null;
  /** The request may have reached Pluggy and had its effect (a non-idempotent call that lost its answer). */
  mayHaveSucceeded?: boolean;
  issues?: PayloadIssue[];
  cause?: unknown;
}

/** The plain form (`toJSON()`): what is left of a Pluggy error after JSON, structured clone or IPC. */
export interface PluggyErrorData {
  name: PluggyErrorName;
  /** The AppError code it maps to. */
  code: ErrorCode;
  messageKey: string;
  message: string;
  status: number | null;
  method: string;
  path: string;
  codeDescription: string | null;
  errorId: string | null;
  data: Record<string, unknown> | null;
  details: ErrorDetail[] | null;
  retryAfterMs: number | null;
  networkCode: string | null;
  mayHaveSucceeded: boolean;
  issues: PayloadIssue[];
}

const scrub = (text: string): string => text.replace(JWT_PATTERN, '[jwt]');

export class PluggyApiError extends Error implements PluggyErrorData {
  override readonly name: PluggyErrorName = 'PluggyApiError';
  readonly status: number | null;
  readonly method: string;
  readonly path: string;
  readonly codeDescription: string | null;
  readonly errorId: string | null;
  readonly data: Record<string, unknown> | null;
  readonly details: ErrorDetail[] | null;
  readonly retryAfterMs: number | null;
  readonly networkCode: string | null;
  readonly mayHaveSucceeded: boolean;
  readonly issues: PayloadIssue[];

  constructor(init: PluggyErrorInit) {
    super(scrub(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.method = init.method;
    this.path = scrub(init.path);
    this.codeDescription = init.codeDescription ?? null;
    this.errorId = init.errorId ?? null;
    this.data = init.data ?? null;
    this.details = init.details ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.networkCode = init.networkCode ?? null;
    this.mayHaveSucceeded = init.mayHaveSucceeded ?? false;
    this.issues = init.issues ?? [];
  }

  /** The AppError code: by class, refined by Pluggy's stable `codeDescription`. */
  get code(): ErrorCode {
    return 'pluggy_api';
  }

  get messageKey(): string {
    return `errors.${this.code}`;
  }

  toJSON(): PluggyErrorData {
    return {
      name: this.name,
      code: this.code,
      messageKey: this.messageKey,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      codeDescription: this.codeDescription,
      errorId: this.errorId,
      data: this.data,
      details: this.details,
      retryAfterMs: this.retryAfterMs,
      networkCode: this.networkCode,
      mayHaveSucceeded: this.mayHaveSucceeded,
      issues: this.issues,
    };
  }

  /** The app-wide error value (what the core router sends over IPC); the plain form rides in `details.pluggy`. */
  toAppError(): AppError {
    const { message, ...pluggy } = this.toJSON();
    return new AppError(this.code, message, { details: { pluggy }, cause: this });
  }
}

export class PluggyAuthError extends PluggyApiError {
  override readonly name = 'PluggyAuthError' as const;
  override get code(): ErrorCode {
    return 'pluggy_auth';
  }
}

export class PluggyRateLimitError extends PluggyApiError {
  override readonly name = 'PluggyRateLimitError' as const;
  override get code(): ErrorCode {
    return 'pluggy_rate_limited';
  }
}

export class PluggyNotFoundError extends PluggyApiError {
  override readonly name = 'PluggyNotFoundError' as const;
  override get code(): ErrorCode {
    return 'pluggy_not_found';
  }
}

export class PluggyDeprecatedEndpointError extends PluggyApiError {
  override readonly name = 'PluggyDeprecatedEndpointError' as const;
  override get code(): ErrorCode {
    return 'pluggy_deprecated';
  }
}

export class PluggyValidationError extends PluggyApiError {
  override readonly name = 'PluggyValidationError' as const;
  override get code(): ErrorCode {
    return refusalOf(this)?.kind === 'already_updating' ? 'item_already_updating' : 'pluggy_validation';
  }
}

export class PluggyNetworkError extends PluggyApiError {
  override readonly name = 'PluggyNetworkError' as const;
  override get code(): ErrorCode {
    return 'pluggy_network';
  }
}

export class PluggyBadPayloadError extends PluggyApiError {
  override readonly name = 'PluggyBadPayloadError' as const;
  override get code(): ErrorCode {
    return 'pluggy_bad_payload';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nameOf(value: unknown): PluggyErrorName | undefined {
  if (!isRecord(value)) return undefined;
  const name = value['name'];
  return (PLUGGY_ERROR_NAMES as readonly unknown[]).includes(name) ? (name as PluggyErrorName) : undefined;
}

/**
 * The Pluggy error inside any of its forms: the instance, its plain `toJSON()` form, or an AppError
 * (instance or data, e.g. after the core router) built by `toAppError()`.
 */
export function pluggyErrorOf(value: unknown): PluggyErrorData | undefined {
  if (nameOf(value) !== undefined) return value as PluggyErrorData;
  if (!isRecord(value) || !isRecord(value['details'])) return undefined;
  const inner = value['details']['pluggy'];
  if (nameOf(inner) === undefined || typeof value['message'] !== 'string') return undefined;
  return { ...(inner as Omit<PluggyErrorData, 'message'>), message: value['message'] };
}

type Guard<N extends PluggyErrorName> = (value: unknown) => value is PluggyErrorData & { name: N };
const guard =
  <N extends PluggyErrorName>(name: N): Guard<N> =>
  (value: unknown): value is PluggyErrorData & { name: N } =>
    nameOf(value) === name;

/** Any Pluggy client error, instance or plain form. */
export function isPluggyApiError(value: unknown): value is PluggyErrorData {
  return nameOf(value) !== undefined;
}
export const isPluggyAuthError = guard('PluggyAuthError');
export const isPluggyRateLimitError = guard('PluggyRateLimitError');
export const isPluggyNotFoundError = guard('PluggyNotFoundError');
export const isPluggyDeprecatedEndpointError = guard('PluggyDeprecatedEndpointError');
export const isPluggyValidationError = guard('PluggyValidationError');
export const isPluggyNetworkError = guard('PluggyNetworkError');
export const isPluggyBadPayloadError = guard('PluggyBadPayloadError');

/** The class for an HTTP error status. */
export function errorClassForStatus(status: number): typeof PluggyApiError {
  if (status === 401 || status === 403) return PluggyAuthError;
  if (status === 404) return PluggyNotFoundError;
  if (status === 410) return PluggyDeprecatedEndpointError;
  if (status === 429) return PluggyRateLimitError;
  if (status === 400 || status === 422) return PluggyValidationError;
  return PluggyApiError;
}
