// `cofre backup FILE` and `cofre restore FILE`: an encrypted, verified copy of the DB and settings, and back.
import { lstatSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ensureDataDir } from '../../core';
import { restoreBackupNow } from '../../core/backup/backup-service';
import { createNodeKeyStore } from '../../core/secrets';
import { withCore } from '../cli-core';
import { addGlobalOptions, type GlobalOptions } from '../global-options';
import { checkOutFile, writeOutFile } from '../out-file';

/** The passphrase never travels on the command line (other users see it in `ps`): a file or the environment. */
export const PASSPHRASE_ENV = 'COFRE_BACKUP_PASSPHRASE';

interface PassphraseOptions {
  passphraseFile?: string;
  passphrase?: boolean;
}

function passphraseOf(opts: PassphraseOptions): string | undefined {
  if (opts.passphraseFile) {
    const text = readFileSync(opts.passphraseFile, 'utf8').split(/\r?\n/)[0] ?? '';
    if (text.length === 0) throw new Error(`--passphrase-file ${opts.passphraseFile} is empty`);
    return text;
  }
  if (opts.passphrase) {
    const text = process.env[PASSPHRASE_ENV];
    if (!text) throw new Error(`--passphrase reads ${PASSPHRASE_ENV}, which is not set`);
    return text;
  }
  return undefined;
}

function readBackupFile(file: string): Buffer {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    throw new Error(`${file} does not exist`, { cause: error });
  }
  if (!stat.isFile()) throw new Error(`${file} is not a regular file`);
  return readFileSync(file);
}

export function registerBackupCommands(program: Command): void {
  addGlobalOptions(
    program
      .command('backup <file>')
      .description('write an encrypted, verified backup of the database and settings (a new 0600 file)')
      .option('--passphrase', `protect it with the passphrase in $${PASSPHRASE_ENV} instead of the DB key`)
      .option('--passphrase-file <file>', 'protect it with the passphrase on the first line of this file')
      .option('--force', 'replace an existing file'),
  ).action(async (file: string, opts: GlobalOptions & PassphraseOptions & { force?: boolean }) => {
    const passphrase = passphraseOf(opts);
    const outOptions = { dataDir: ensureDataDir(opts.dataDir).root, force: opts.force === true };
    // Refused before any work, and checked again at the write.
    checkOutFile(file, outOptions);
    await withCore(opts, async (cli) => {
      const made = await cli.call('backup.create', passphrase === undefined ? {} : { passphrase });
      writeOutFile(file, Buffer.from(made.content, 'base64'), outOptions);
      console.error(
        `backup written to ${file}: ${made.summary.rows} rows in ${made.summary.tables} tables, ` +
          `${made.bytes} bytes, ${passphrase === undefined ? 'opens with this data dir’s key' : 'opens with the passphrase'}`,
      );
    });
  });

  addGlobalOptions(
    program
      .command('restore <file>')
      .description(
        'check a backup fully, then replace the database and settings with it (close the app first)',
      )
      .option('--passphrase', `the backup's passphrase is in $${PASSPHRASE_ENV}`)
      .option('--passphrase-file <file>', "the backup's passphrase is the first line of this file"),
  ).action(async (file: string, opts: GlobalOptions & PassphraseOptions) => {
    const passphrase = passphraseOf(opts);
    const bytes = readBackupFile(file);
    const paths = ensureDataDir(opts.dataDir);
    const summary = await restoreBackupNow({
      paths,
      keyStore: createNodeKeyStore({ paths }),
      bytes,
      passphrase,
    });
    console.error(
      `restored the backup of ${summary.createdAt} (${summary.rows} rows, schema ${summary.schemaVersion}, ${summary.mode} data)`,
    );
  });
}
