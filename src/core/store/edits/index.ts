// The person's layer over the bank's rows: edits, rules, and each row's history.
export * from './edits';
export * from './history';
export * from './rules';
export * from './apply-rules';
export * from './follow';
