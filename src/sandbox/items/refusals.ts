// Why Pluggy would refuse a PATCH /items/{id} now, with the bodies of the spec's examples (and forced ones).
import { z } from 'zod';
import { iso } from '../clock';
import { mfaStyleOf } from '../data/connectors';
import { ApiError } from '../http/api-error';
import type { ItemRecord } from './item-record';

/** Refusals the admin route can force on an item's next PATCHes (besides the ones reached naturally). */
export const ForcedRefusalCode = z.enum([
  'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY',
  'TOO_MANY_CONSECUTIVE_ERRORS',
  'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
  'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
  'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
  /** The 400 "already in progress" as pluggy-java saw it: no codeDescription. */
  'ALREADY_UPDATING_WITHOUT_CODE',
  'CLIENT_IP_NOT_ALLOWED',
  /** A 429 with Pluggy's headers. */
  'RATE_LIMITED',
]);
export type ForcedRefusalCode = z.infer<typeof ForcedRefusalCode>;

/** Pluggy's documented back-off after 2 consecutive login errors. */
export const LOGIN_BACKOFF_MS = 15 * 60_000;
export const MAX_CONSECUTIVE_LOGIN_FAILURES = 2;
/** "There has been more than 5 failing syncronizations". */
export const MAX_CONSECUTIVE_ERRORS = 5;
const DEFAULT_MIN_FREQUENCY_HOURS = 24;

/** A one-time code the sandbox's 1-step MFA connector accepts: 6 digits, 000000 standing for a wrong one. */
export function acceptsOneTimeCode(token: string | undefined): boolean {
  return token !== undefined && /^\d{6}$/.test(token) && token !== '000000';
}

export const tooFrequent = (hours: number, lastUpdatedAt: string) =>
  new ApiError(
    409,
    `Client updates on this item are allowed at most every ${hours} hours. Last update was at ${lastUpdatedAt}`,
    'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY',
    { data: { minUpdateFrequencyAllowedInHours: hours, lastUpdatedAt } },
  );

export const tooManyErrors = () =>
  new ApiError(
    400,
    'There has been more than 5 failing syncronizations, please contact support',
    'TOO_MANY_CONSECUTIVE_ERRORS',
  );

export function loginBackoff(lastExecutionEndedAtMs: number): ApiError {
  const lastExecutionEndedAt = iso(lastExecutionEndedAtMs);
  const canRetryAfterDate = iso(lastExecutionEndedAtMs + LOGIN_BACKOFF_MS);
  const readableBackoffTime = `${LOGIN_BACKOFF_MS / 60_000} minutes`;
  return new ApiError(
    400,
    `must wait at least ${readableBackoffTime} after ${MAX_CONSECUTIVE_LOGIN_FAILURES} consecutive login errors, last attempt was at ${lastExecutionEndedAt} (can retry after: ${canRetryAfterDate})`,
    'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
    {
      data: {
        readableBackoffTime,
        maxConsecutiveFailedLoginAttempts: MAX_CONSECUTIVE_LOGIN_FAILURES,
        lastExecutionEndedAt,
        canRetryAfterDate,
      },
    },
  );
}

export const codeRequired = (parameter = 'token') =>
  new ApiError(
    400,
    `The parameter '${parameter}' is required to be renewed for item update.`,
    'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR',
    {
      details: [{ code: '001', message: `Parameter '${parameter}' is required`, parameter }],
      data: { parameter },
    },
  );

export const codeAlreadyUsed = () =>
  new ApiError(
    400,
    'MFA parameter has to be updated from last execution',
    'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR',
  );

export const alreadyUpdating = (withCode: boolean) =>
  new ApiError(
    400,
    'An update is already in progress, wait until the last execution ends',
    withCode ? 'ITEM_ALREADY_UPDATING' : undefined,
  );

export const ipNotAllowed = () =>
  new ApiError(403, 'The IP address of this request is not allowed for this client', 'CLIENT_IP_NOT_ALLOWED');

/** The error for a forced refusal (RATE_LIMITED is answered by the route, with its headers). */
export function forcedRefusal(
  code: Exclude<ForcedRefusalCode, 'RATE_LIMITED'>,
  record: ItemRecord,
  nowMs: number,
) {
  switch (code) {
    case 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY':
      return tooFrequent(DEFAULT_MIN_FREQUENCY_HOURS, record.item.lastUpdatedAt ?? iso(nowMs));
    case 'TOO_MANY_CONSECUTIVE_ERRORS':
      return tooManyErrors();
    case 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES':
      return loginBackoff(nowMs);
    case 'CONNECTOR_REQUIRED_PARAMETER_VALIDATION_ERROR':
      return codeRequired();
    case 'MFA_PARAMERTER_WAS_ALREADY_USED_ERROR':
      return codeAlreadyUsed();
    case 'ALREADY_UPDATING_WITHOUT_CODE':
      return alreadyUpdating(false);
    case 'CLIENT_IP_NOT_ALLOWED':
      return ipNotAllowed();
  }
}

export interface RefreshRequest {
  record: ItemRecord;
  /** The client's apiKey (CLIENT) rather than the user through Connect (USER). */
  byClient: boolean;
  /** Parameters sent with this PATCH (not the stored ones). */
  parameters: Record<string, string> | undefined;
  nowMs: number;
  /** The client's minimum hours between its refreshes of one item, when its plan has one. */
  minUpdateFrequencyHours: number | undefined;
}

/** The refusal Pluggy's rules give this refresh, or null when it may run. */
export function naturalRefusal(req: RefreshRequest): ApiError | null {
  const { record, byClient, parameters, nowMs } = req;
  const item = record.item;
  const ended = record.lastExecutionEndedAt ? Date.parse(record.lastExecutionEndedAt) : NaN;
  if (
    (item.consecutiveFailedLoginAttempts ?? 0) >= MAX_CONSECUTIVE_LOGIN_FAILURES &&
    Number.isFinite(ended) &&
    nowMs < ended + LOGIN_BACKOFF_MS
  ) {
    return loginBackoff(ended);
  }
  // Only the client is stopped: the user can still update the item through Connect.
  if (byClient && (record.consecutiveErrors ?? 0) > MAX_CONSECUTIVE_ERRORS) return tooManyErrors();
  const hours = req.minUpdateFrequencyHours;
  if (byClient && hours !== undefined && item.lastUpdatedAt) {
    if (nowMs < Date.parse(item.lastUpdatedAt) + hours * 3_600_000)
      return tooFrequent(hours, item.lastUpdatedAt);
  }
  if (mfaStyleOf(item.connectorId) === 'one-step') {
    const token = parameters?.['token'];
    if (token === undefined) return codeRequired();
    if ((record.usedTokens ?? []).includes(token)) return codeAlreadyUsed();
  }
  return null;
}
