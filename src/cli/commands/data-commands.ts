// `cofre connect | sync | status | audit | export`: the app's operations with the app closed (cron, systemd).
import { InvalidArgumentError, type Command } from 'commander';
import { isCredentialState } from '../../shared/connections/attention';
import type { Connection } from '../../shared/contract';
import { interpolate, statusMessagesEn, statusMessagesPtBR } from '../../shared/messages/status-messages';
import { ensureDataDir } from '../../core';
import { connectTokenOf } from '../../host/connect-token';
import { withCore } from '../cli-core';
import { addGlobalOptions, type GlobalOptions } from '../global-options';
import { checkOutFile, writeOutFile } from '../out-file';
import { followRuns } from '../sync-progress';

type Lang = 'pt-BR' | 'en';

const SYNCING: Record<Lang, string> = { 'pt-BR': 'sincronizando agora', en: 'syncing now' };

function message(c: Connection, lang: Lang): string {
  const catalog = (lang === 'en' ? statusMessagesEn : statusMessagesPtBR).status as Record<string, string>;
  const template = catalog[c.messageKey.replace(/^status\./, '')] ?? c.messageKey;
  return interpolate(template, c.messageParams);
}

function langOption(value: string): Lang {
  if (value !== 'pt-BR' && value !== 'en') throw new InvalidArgumentError('--lang must be pt-BR or en');
  return value;
}

export function registerDataCommands(program: Command): void {
  addGlobalOptions(
    program
      .command('connect')
      .description('save a Pluggy item (e.g. one made in Meu Pluggy) or create one, then sync it')
      .option('--item <id>', 'an existing Pluggy item id')
      .option('--connector <n>', 'create an item on this connector (where the API allows, as in the sandbox)')
      .option('--user <user>', 'login for --connector')
      .option('--password <password>', 'password for --connector'),
  ).action(
    async (opts: GlobalOptions & { item?: string; connector?: string; user?: string; password?: string }) => {
      if (!opts.item && !opts.connector)
        throw new Error('give --item ID, or --connector N --user U --password P');
      if (opts.connector && (!opts.user || !opts.password))
        throw new Error('--connector needs --user and --password');
      const failed = await withCore(opts, async (cli) => {
        let itemId = opts.item;
        if (!itemId) {
          const accessToken = connectTokenOf(
            cli.started.core,
            await cli.call('connections.connectToken', {}),
          );
          const res = await fetch(`${cli.started.pluggyBaseUrl}/items`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': accessToken },
            body: JSON.stringify({
              connectorId: Number(opts.connector),
              parameters: { user: opts.user, password: opts.password },
            }),
          });
          if (!res.ok) throw new Error(`Pluggy refused to create the item (HTTP ${res.status})`);
          itemId = ((await res.json()) as { id: string }).id;
        }
        const follow = followRuns(cli);
        await cli.call('connections.save', { itemId });
        const runs = await cli.call('sync.runs', { itemId, limit: 1 });
        const [end] = await follow.wait(runs.map((r) => r.id));
        const view = (await cli.call('connections.list', {})).find((c) => c.itemId === itemId);
        console.log(`${itemId} ${view ? message(view, 'pt-BR') : ''}`);
        return end?.ok === false;
      });
      if (failed) process.exitCode = 1;
    },
  );

  addGlobalOptions(
    program
      .command('sync')
      .description('sync one connection, or all; exits non-zero when any sync fails')
      .option('--item <id>', 'only this Pluggy item'),
  ).action(async (opts: GlobalOptions & { item?: string }) => {
    const failures = await withCore(opts, async (cli) => {
      const follow = followRuns(cli);
      const all = opts.item ? null : await cli.call('connections.syncAll', {});
      const runIds = all ? all.runIds : [(await cli.call('connections.sync', { itemId: opts.item! })).runId];
      if (runIds.length === 0 && !all?.skipped) {
        console.error('no connections to sync: add one with `cofre connect`');
        return 0;
      }
      const ends = await follow.wait(runIds);
      const views = await cli.call('connections.list', {});
      for (const end of ends.filter((e) => !e.ok)) {
        const view = views.find((v) => v.itemId === end.itemId);
        console.error(`${end.itemId}: ${view ? message(view, 'pt-BR') : 'failed'}`);
      }
      // Refused logins are not retried (a retry can lock the account); they still fail the command.
      const refused = all ? views.filter((v) => !v.archived && isCredentialState(v)) : [];
      for (const view of refused) {
        console.error(`${view.itemId}: ${message(view, 'pt-BR')} (not synced: reconnect it first)`);
      }
      return ends.filter((e) => !e.ok).length + refused.length;
    });
    if (failures > 0) process.exitCode = 1;
  });

  addGlobalOptions(
    program
      .command('status')
      .description('the state of every connection')
      .option('--json', 'print JSON')
      .option('--lang <lang>', 'pt-BR or en', langOption, 'pt-BR'),
  ).action(async (opts: GlobalOptions & { json?: boolean; lang: Lang }) => {
    await withCore(opts, async (cli) => {
      const list = await cli.call('connections.list', {});
      const rows = list.map((c) => ({
        itemId: c.itemId,
        connector: c.connector.name,
        status: c.status,
        executionStatus: c.executionStatus,
        lastSyncedAt: c.lastSyncedAt,
        // True also while another process (the app, a `cofre sync` from cron) syncs it.
        syncing: c.syncing,
        message: message(c, opts.lang),
        action: c.action,
      }));
      if (opts.json) console.log(JSON.stringify(rows, null, 2));
      else if (rows.length === 0) console.log('no connections yet: add one with `cofre connect`');
      else
        for (const r of rows)
          console.log(
            `${r.connector} (${r.itemId}) ${r.status}/${r.executionStatus}${r.syncing ? ` — ${SYNCING[opts.lang]}` : ''}\n  ${r.message}`,
          );
    });
  });

  addGlobalOptions(
    program
      .command('audit [what]')
      .description('the audit log, newest first; `cofre audit verify` checks its hash chain')
      .option('--since <day>', 'only entries from this day (YYYY-MM-DD)')
      .option('--action <action>', 'an action, or a prefix ending in a dot (open_finance.sync.)')
      .option('--limit <n>', 'how many entries', '50')
      .option('--json', 'print JSON lines'),
  ).action(
    async (
      what: string | undefined,
      opts: GlobalOptions & { since?: string; action?: string; limit: string; json?: boolean },
    ) => {
      if (what !== undefined && what !== 'verify')
        throw new Error(`unknown audit subcommand "${what}" (try: cofre audit verify)`);
      const broken = await withCore(opts, async (cli) => {
        if (what === 'verify') {
          const report = await cli.call('audit.verify', {});
          console.log(
            report.ok
              ? `audit chain ok (${report.checked} entries)`
              : `audit chain BROKEN at entry ${report.brokenAt}`,
          );
          return !report.ok;
        }
        const page = await cli.call('audit.page', {
          filter: {
            ...(opts.since ? { dateFrom: opts.since } : {}),
            ...(opts.action ? { action: opts.action } : {}),
          },
          limit: Number(opts.limit),
        });
        for (const e of page.rows) {
          console.log(
            opts.json
              ? JSON.stringify(e)
              : `${e.at} ${e.actor} ${e.action} ${e.outcome} ${e.connectionId ?? ''}`,
          );
        }
        return false;
      });
      if (broken) process.exitCode = 1;
    },
  );

  addGlobalOptions(
    program
      .command('export')
      .description('export transactions as CSV or OFX')
      .requiredOption('--format <format>', 'csv or ofx')
      .option(
        '--locale <locale>',
        'CSV variant: standard (comma, dot decimals) or pt-BR (semicolon, decimal comma)',
      )
      .option('--account <id>', 'only this account')
      .option('--out <file>', 'write here (a new owner-only file) instead of standard output')
      .option('--force', 'with --out, replace an existing file'),
  ).action(
    async (
      opts: GlobalOptions & {
        format: string;
        locale?: string;
        account?: string;
        out?: string;
        force?: boolean;
      },
    ) => {
      if (opts.format !== 'csv' && opts.format !== 'ofx') throw new Error('--format must be csv or ofx');
      const format = opts.format;
      const csvVariant = csvVariantOf(opts.locale);
      const outOptions = { dataDir: ensureDataDir(opts.dataDir).root, force: opts.force === true };
      // Refused before any work, and checked again at the write.
      if (opts.out) checkOutFile(opts.out, outOptions);
      await withCore(opts, async (cli) => {
        const file = await cli.call('transactions.export', {
          format,
          filter: opts.account ? { accountIds: [opts.account] } : {},
          ...(csvVariant ? { csvVariant } : {}),
        });
        if (opts.out) {
          writeOutFile(opts.out, file.content, outOptions);
          console.error(`${file.rows} transactions written to ${opts.out}`);
        } else process.stdout.write(file.content);
      });
    },
  );
}

/** `--locale`: pt-BR (any case, or pt_BR) or standard (also en); anything else is refused by name. */
function csvVariantOf(locale: string | undefined): 'standard' | 'pt-BR' | undefined {
  if (locale === undefined) return undefined;
  const l = locale.toLowerCase().replace('_', '-');
  if (l === 'pt-br' || l === 'pt') return 'pt-BR';
  if (l === 'standard' || l === 'en' || l === 'en-us') return 'standard';
  throw new Error('--locale must be pt-BR or standard');
}
