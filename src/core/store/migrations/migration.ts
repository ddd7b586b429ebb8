// The shape of one numbered migration: a version and a pure function of the DB handle.
import type { Db } from '../db';

export interface MigrationContext {
  /** How far this migration is (`done` of `total` rows); the runner turns it into the task's progress. */
  progress(done: number, total: number): void;
}

export interface Migration {
  /** 10, 20, 30…: gaps leave room for a fix-up between two releases. */
  version: number;
  name: string;
  /** A migration that rewrites rows reads them in batches and reports through `ctx` (see batched-rewrite.ts). */
  up(db: Db, ctx: MigrationContext): void;
}
