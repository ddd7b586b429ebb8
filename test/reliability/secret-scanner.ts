// Finds secrets in text: each known secret in its plain, hex and base64 spellings, and any JWT at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JWT_PATTERN } from '../../src/core/logging/secret-keys';
import type { Db } from '../../src/core/store';

export interface Finding {
  where: string;
  what: string;
}

export interface NamedSecret {
  name: string;
  value: string;
}

/** The spellings a secret can leak in: as is, and re-encoded (a Buffer logged as hex or base64). */
function spellings(value: string): string[] {
  const buf = Buffer.from(value, /^[0-9a-f]{64}$/i.test(value) ? 'hex' : 'utf8');
  const forms = new Set([value, buf.toString('hex'), buf.toString('base64'), buf.toString('base64url')]);
  return [...forms].filter((f) => f.length >= 12);
}

export function scanText(
  where: string,
  text: string,
  secrets: NamedSecret[],
  options: { jwtsAllowed?: boolean } = {},
): Finding[] {
  const found: Finding[] = [];
  for (const { name, value } of secrets) {
    if (spellings(value).some((s) => text.includes(s))) found.push({ where, what: name });
  }
  if (!options.jwtsAllowed) {
    for (const match of text.matchAll(JWT_PATTERN))
      found.push({ where, what: `a JWT (${match[0].slice(0, 12)}…)` });
  }
  return found;
}

/** Every file under `dir`, recursively, as text (binary bytes read as latin1 so nothing is skipped). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push({ path, text: readFileSync(path).toString('latin1') });
  }
  return out;
}

/** A plaintext dump of every table of an open (decrypted) DB, blobs spelled as hex and base64 too. */
export function dumpDatabase(db: Db): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  const parts: string[] = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).iterate()) {
      const cells = Object.entries(row as Record<string, unknown>).map(([column, v]) => [
        column,
        Buffer.isBuffer(v) ? `${v.toString('hex')} ${v.toString('base64')}` : v,
      ]);
      parts.push(`${table}: ${JSON.stringify(Object.fromEntries(cells))}`);
    }
  }
  return parts.join('\n');
}
