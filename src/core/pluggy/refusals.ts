// What a Pluggy refusal means, read once from the error's status, codeDescription and data (spec: PATCH /items/{id}).
import type { PluggyErrorData } from './errors';

export type Refusal =
  /** 400: an execution is running; join it (Pluggy sometimes omits the codeDescription). */
  | { kind: 'already_updating' }
  /** 409: the client may refresh this item only every N hours; allowed again at `allowedAt`. */
  | { kind: 'too_frequent'; allowedAt: string | null }
  /** 400: more than 5 failing synchronizations; Pluggy stopped client refreshes of the item. */
  | { kind: 'too_many_errors' }
  /** 400: consecutive login errors; no refresh before `allowedAt`. */
  | { kind: 'login_backoff'; allowedAt: string | null }
  /** 400: the bank wants a new one-time code (`parameter`, usually "token") to refresh. */
  | { kind: 'code_required'; parameter: string }
  /** 400: the code sent was the one of the last execution. */
  | { kind: 'code_already_used'; parameter: string }
  /** 404 about the item itself. */
  | { kind: 'item_not_found' }
  /** 403: the Pluggy account only accepts calls from listed IP addresses. */
  | { kind: 'ip_not_allowed' };

const ALREADY_UPDATING_CODES = new Set(['ITEM_ALREADY_UPDATING', 'ITEM_IS_ALREADY_UPDATING']);
/** pluggy-java ClientParseErrorTest: `{"message":"An update is already in progress, wait until…","code":400}`. */
const ALREADY_UPDATING_TEXT = /an update is already in progress/i;
/** `…/items/{id}` with nothing after it (not `/items/{id}/mfa`, not `/accounts/{id}`). */
const ITEM_PATH = /(?:^|\/)items\/[^/?#]+(?:\?.*)?$/;
const HOUR_MS = 3_600_000;

function text(data: Record<string, unknown> | null, key: string): string | null {
  const value = data?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function isoPlus(iso: string | null, ms: number): string | null {
  const at = iso === null ? NaN : Date.parse(iso);
  return Number.isFinite(at) ? new Date(at + ms).toISOString() : null;
}

function isoOf(value: string | null): string | null {
  return isoPlus(value, 0);
}

/** When the client may refresh again: `data.lastUpdatedAt` + `data.minUpdateFrequencyAllowedInHours`. */
function frequencyAllowedAt(data: Record<string, unknown> | null): string | null {
  const hours = data?.['minUpdateFrequencyAllowedInHours'];
  const h = typeof hours === 'number' ? hours : typeof hours === 'string' ? Number(hours) : NaN;
  if (!Number.isFinite(h) || h < 0) return null;
  return isoPlus(text(data, 'lastUpdatedAt'), h * HOUR_MS);
}

/** The parameter the bank wants renewed: `data.parameter`, else the first of `details`, else "token". */
function parameterOf(error: PluggyErrorData): string {
  return text(error.data, 'parameter') ?? error.details?.find((d) => d.parameter)?.parameter ?? 'token';
}

/** The refusal a Pluggy error stands for, or null when it is not one of the documented refusals. */
export function refusalOf(error: PluggyErrorData): Refusal | null {
  const code = error.codeDescription ?? '';
  switch (code) {
    case 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY':
      return { kind: 'too_frequent', allowedAt: frequencyAllowedAt(error.data) };
    case 'TOO_MANY_CONSECUTIVE_ERRORS':
      return { kind: 'too_many_errors' };
    case 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES':
      return { kind: 'login_backoff', allowedAt: isoOf(text(error.data, 'canRetryAfterDate')) };
    case 'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR':
      return { kind: 'code_required', parameter: parameterOf(error) };
    case 'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR':
      return { kind: 'code_already_used', parameter: parameterOf(error) };
    case 'ITEM_NOT_FOUND':
      return { kind: 'item_not_found' };
    case 'CLIENT_IP_NOT_ALLOWED':
      return { kind: 'ip_not_allowed' };
    default:
      break;
  }
  if (ALREADY_UPDATING_CODES.has(code)) return { kind: 'already_updating' };
  if (error.status === 400 && code === '' && ALREADY_UPDATING_TEXT.test(error.message)) {
    return { kind: 'already_updating' };
  }
  // A 404 without a code is about the item only when the item's own path was asked for.
  if (error.status === 404 && code === '' && ITEM_PATH.test(error.path)) return { kind: 'item_not_found' };
  return null;
}
