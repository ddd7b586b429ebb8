// The Pluggy API's payloads as zod schemas, shared by the client (core), the sandbox and the relay.
// Unknown fields are stripped, never rejected; enum-typed fields also accept values Pluggy may add later.
export * from './enums';
export * from './common';
export * from './error-body';
export * from './auth';
export * from './connector';
export * from './item';
export * from './account';
export * from './transaction';
export * from './bill';
export * from './category';
export * from './webhook';
export * from './consent';
export * from './unknown-values';
export * from './row-reading';
export * from './investment';
export * from './loan';
