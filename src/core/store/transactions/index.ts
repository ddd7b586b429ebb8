// The transactions repository: bulk upsert, removal, keyset pages with filters and FTS, chart aggregates.
export * from './upsert';
export * from './query';
export * from './filter';
export * from './aggregates';
export { toFtsQuery } from './fts-query';
export { sortKeyFloor } from './sort-key';
export { rowCreatedAt, rowId, toRowValues, type RowValues } from './row-mapping';
export * from './window-queries';
