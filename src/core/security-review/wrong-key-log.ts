// Wrong database keys tried: written to a small file beside the DB (it may not open), moved into the audit log
// once it does. The file holds when and which database, never a key, a passphrase or a hash of one.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../audit/append';
import type { Db } from '../store/db';
import { ACTIONS } from './categories';

export const WRONG_KEY_FILE = 'security-events.jsonl';

const Attempt = z.object({
  at: z.iso.datetime(),
  event: z.literal('db_wrong_key'),
  source: z.string().max(40),
});

/** `source`: how the key came (`keystore`, `passphrase`). */
export function recordWrongKeyAttempt(dataRoot: string, source: string, now: number = Date.now()): void {
  mkdirSync(dataRoot, { recursive: true, mode: 0o700 });
  const line = JSON.stringify({ at: new Date(now).toISOString(), event: 'db_wrong_key', source });
  appendFileSync(join(dataRoot, WRONG_KEY_FILE), `${line}\n`, { mode: 0o600 });
}

/** Moves the recorded attempts into the audit log (at their own times); returns how many. */
export function importWrongKeyAttempts(db: Db, dataRoot: string): number {
  const file = join(dataRoot, WRONG_KEY_FILE);
  if (!existsSync(file)) return 0;
  const attempts = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (line.trim() === '') return [];
      try {
        const parsed = Attempt.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        // A line cut short by a crash mid-write: the others still count.
        return [];
      }
    });
  db.transaction(() => {
    for (const a of attempts) {
      appendAudit(db, {
        actor: 'system',
        action: ACTIONS.wrongDbKey,
        outcome: 'failure',
        at: a.at,
        details: { source: a.source },
      });
    }
  }).immediate();
  rmSync(file, { force: true });
  return attempts.length;
}
