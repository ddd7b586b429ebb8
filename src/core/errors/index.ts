// What Pluggy states mean to the user, and when Cofre retries by itself.
export { STATUS_TABLE, isStatusCode, type StatusCode } from './status-table';
export { explainCode, explainItem, nextRetryDelayMs, type ItemState } from './explain-item';
