// Public surface of the Pluggy API client.
export {
  createPluggyClient,
  type PluggyClient,
  type PluggyClientOptions,
  type ConnectTokenInput,
} from './client';
export * from './errors';
export { refusalOf, type Refusal } from './refusals';
export type { RetryEvent } from './transport';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
export { PLUGGY_LIMITS_PER_MINUTE, type LimiterOptions } from './rate-limiter';
export { createMemoryCacheStore, type CacheStore, type CacheHealth } from './response-cache';
export type { PageLink, TransactionQuery } from './transactions-iterator';
export type { RowList } from './product-reads';
export { decodeJson, type BodyDecoder, type Decoded } from './decode-body';
