// Money moved between the person's own pockets, and accounts reachable through two links.
export * from './own-moves';
export * from './duplicate-accounts';
