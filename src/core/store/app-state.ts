// App state that must survive restarts, one JSON value per key (never secrets: those go to the KeyStore).
import type { Db } from './db';
import { nowIso, prepared } from './prepared';

export function getAppState<T>(db: Db, key: string): T | null {
  const row = prepared(db, 'SELECT value FROM app_state WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setAppState(db: Db, key: string, value: unknown, at: string = nowIso()): void {
  prepared(
    db,
    `INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}

export function deleteAppState(db: Db, key: string): void {
  prepared(db, 'DELETE FROM app_state WHERE key = ?').run(key);
}
