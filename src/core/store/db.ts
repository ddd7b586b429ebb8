// The handle every repository takes: a better-sqlite3 connection opened by `openDatabase`.
import type Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
