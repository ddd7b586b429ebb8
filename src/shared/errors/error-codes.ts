// Every error code Cofre can report; each has a user-facing message under `errors.<code>` in the locales.
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'internal',
  'not_found',
  'unauthorized',
  'forbidden',
  'conflict',
  'unavailable',
  'not_configured',
  'db_wrong_key',
  'db_corrupt',
  'db_from_future',
  'keystore_insecure',
  'keystore_unavailable',
  'settings_corrupt',
  'pluggy_auth',
  'pluggy_rate_limited',
  'pluggy_not_found',
  'pluggy_deprecated',
  'pluggy_validation',
  'pluggy_bad_payload',
  'pluggy_api',
  'pluggy_network',
  'item_already_updating',
  'sync_failed',
  'relay_unreachable',
  'relay_unauthorized',
  'rate_limited',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;
