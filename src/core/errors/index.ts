// What Pluggy states mean to the user, and when Cofre retries by itself.
export { STATUS_TABLE, CODE_REFUSALS, REFRESH_REFUSALS, isStatusCode, type StatusCode } from './status-table';
export {
  MAX_AUTOMATIC_RETRIES,
  explainCode,
  explainItem,
  nextRetryDelayMs,
  type ItemState,
} from './explain-item';
export { withNewCodePrompt } from './new-code-prompt';
