// The shape of one numbered migration: a version and a pure function of the DB handle.
import type { Db } from '../db';

export interface Migration {
  /** 10, 20, 30…: gaps leave room for a fix-up between two releases. */
  version: number;
  name: string;
  up(db: Db): void;
}
