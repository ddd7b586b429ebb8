// `cofre migrate [--status]` (npm run migrations): the local DB's schema version before and after, with progress.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { dataPaths, defaultDataDir } from '../../core';
import { databaseFile } from '../../core/create-core';
import { createNodeKeyStore } from '../../core/secrets';
import {
  MIGRATIONS,
  LATEST_VERSION,
  inspectDatabase,
  openDatabase,
  readUserVersion,
  type Migration,
  type StoreProgress,
} from '../../core/store';
import { AppError } from '../../shared/errors';

export interface MigrateCommandOptions {
  dataDir: string;
  demo: boolean;
  status: boolean;
  env?: NodeJS.ProcessEnv;
}

const step = (m: Migration) => `${String(m.version).padStart(4, '0')} ${m.name}`;
const byVersion = [...MIGRATIONS].sort((a, b) => a.version - b.version);

/** Prints the status, or applies what is pending; throws the app's own AppError for a DB it cannot open. */
export async function runMigrate(options: MigrateCommandOptions, out: (line: string) => void): Promise<void> {
  const paths = dataPaths(options.dataDir);
  const file = databaseFile(paths.root, options.demo ? 'demo' : 'live');
  if (!existsSync(file)) {
    out(`no database at ${file}: the app creates it at the latest schema (${LATEST_VERSION}) on first start`);
    return;
  }
  const key = await createNodeKeyStore({ paths, env: options.env ?? process.env }).getOrCreateKey();
  const before = inspect(file, key, out);
  out(`database: ${file} (encryption: ${before.scheme})`);
  if (options.status) {
    out(`schema version: ${before.version} (latest ${LATEST_VERSION})`);
    for (const m of byVersion) out(`  ${m.version <= before.version ? 'applied' : 'pending'}  ${step(m)}`);
    const pending = byVersion.filter((m) => m.version > before.version).length;
    out(pending === 0 ? 'up to date' : `${pending} pending: run \`cofre migrate\` to apply`);
    if (before.scheme !== 'aegis') out('the encryption moves to AEGIS on the next migrate or app start');
    return;
  }
  out(`schema version before: ${before.version} (latest ${LATEST_VERSION})`);
  const db = openDatabase({ file, key, onProgress: progressPrinter(out) });
  try {
    const after = readUserVersion(db);
    const applied = byVersion.filter((m) => m.version > before.version && m.version <= after);
    out(
      applied.length === 0
        ? 'nothing to apply'
        : `applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.map(step).join(', ')}`,
    );
    out(`schema version after: ${after}`);
  } finally {
    db.close();
  }
}

function inspect(file: string, key: Buffer, out: (line: string) => void): ReturnType<typeof inspectDatabase> {
  try {
    return inspectDatabase(file, key);
  } catch (error) {
    if (error instanceof AppError && error.code === 'db_from_future') {
      out(`database: ${file}`);
      out(`schema version: ${String(error.details?.['version'])} (latest ${LATEST_VERSION})`);
    }
    throw error;
  }
}

/** One line each time a task starts or passes a tenth, so a long rewrite never looks stuck. */
function progressPrinter(out: (line: string) => void): (p: StoreProgress) => void {
  let last = '';
  return (p) => {
    const label =
      p.task === 'convert_cipher'
        ? 'moving the encryption to AEGIS'
        : `applying migrations${p.migration ? ` (${String(p.migration.version).padStart(4, '0')} ${p.migration.name})` : ''}`;
    const line = `${label}: ${Math.floor(p.fraction * 10) * 10}%`;
    if (line !== last) out(line);
    last = line;
  };
}

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description("apply the local database's pending schema migrations (the app also does it on start)")
    .option('--status', 'list applied and pending migrations; change nothing')
    .option('--data-dir <dir>', 'where Cofre keeps its data', defaultDataDir())
    .option('--demo', 'the demo database instead of the real one', false)
    .action(async (opts: { status?: boolean; dataDir: string; demo: boolean }) => {
      await runMigrate({ dataDir: opts.dataDir, demo: opts.demo, status: opts.status ?? false }, (line) =>
        console.log(line),
      );
    });
}
