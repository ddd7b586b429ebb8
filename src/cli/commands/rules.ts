// `cofre rules list | add | apply [--preview] | remove`: the person's categorisation rules with the app closed.
import { InvalidArgumentError, type Command } from 'commander';
import { centavosText, type Centavos } from '../../shared/money';
import type { RuleInput, RulePreview, RuleView } from '../../shared/contract';
import { withCore } from '../cli-core';
import { addGlobalOptions, type GlobalOptions } from '../global-options';

function amountOption(value: string): Centavos {
  // "45,90" or "45.90" in reais, as a person types it.
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected an amount in reais, e.g. 45,90');
  return Math.round(n * 100);
}

function idOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a rule number');
  return n;
}

function describeRule(r: RuleView): string {
  const when = [`${r.matchField} contém "${r.matchText}"`];
  if (r.accountId) when.push(`conta ${r.accountId}`);
  if (r.type) when.push(r.type === 'DEBIT' ? 'saídas' : 'entradas');
  if (r.amountMin !== null) when.push(`≥ ${centavosText(r.amountMin, ',')}`);
  if (r.amountMax !== null) when.push(`≤ ${centavosText(r.amountMax, ',')}`);
  const then = [
    ...(r.setCategory ? [`categoria "${r.setCategory}"`] : []),
    ...(r.addTag ? [`tag "${r.addTag}"`] : []),
    ...(r.setIgnored ? ['ignorar nos relatórios'] : []),
  ];
  return `${r.position}. [#${r.id}] quando ${when.join(', ')} → ${then.join(', ')}`;
}

function printChanges(result: RulePreview): void {
  for (const c of result.changes) {
    const value = (v: unknown) =>
      v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : String(v);
    console.log(
      `${c.date.slice(0, 10)}\t${centavosText(c.amount, ',')}\t${c.description}\t#${c.ruleId} ${c.field}: ${value(c.from)} → ${value(c.to)}`,
    );
  }
  if (result.truncated) console.log(`… (${result.changes.length} listed)`);
}

interface AddOptions {
  field: string;
  account?: string;
  min?: Centavos;
  max?: Centavos;
  type?: string;
  category?: string;
  tag?: string;
  ignore?: boolean;
  position?: number;
}

export function registerRulesCommand(program: Command): void {
  const rules = program
    .command('rules')
    .description("the person's rules: categorise, tag or ignore matching rows");

  addGlobalOptions(rules.command('list').description('every rule, in the order they apply')).action(
    async (opts: GlobalOptions) => {
      await withCore(opts, async (cli) => {
        const list = await cli.call('rules.list', {});
        if (list.length === 0) console.log('(nenhuma regra)');
        for (const r of list) console.log(describeRule(r));
      });
    },
  );

  addGlobalOptions(
    rules
      .command('add <text>')
      .description('add a rule: when a row contains TEXT, set a category, add a tag or ignore it')
      .option(
        '--field <field>',
        'where TEXT is looked for: description, merchant, counterparty or any',
        'any',
      )
      .option('--account <id>', 'only rows of this account')
      .option('--min <reais>', 'only amounts at least this (absolute)', amountOption)
      .option('--max <reais>', 'only amounts at most this (absolute)', amountOption)
      .option('--type <type>', 'only DEBIT (money out) or CREDIT (money in)')
      .option('--category <name>', 'set this category')
      .option('--tag <tag>', 'add this tag')
      .option('--ignore', 'leave matching rows out of reports')
      .option('--position <n>', 'where in the order (1 = first)', idOption),
  ).action(async (text: string, opts: GlobalOptions & AddOptions) => {
    const rule = {
      matchField: opts.field,
      matchText: text,
      accountId: opts.account ?? null,
      amountMin: opts.min ?? null,
      amountMax: opts.max ?? null,
      type: opts.type ?? null,
      setCategory: opts.category ?? null,
      addTag: opts.tag ?? null,
      setIgnored: opts.ignore === true,
    } as RuleInput;
    await withCore(opts, async (cli) => {
      const added = await cli.call('rules.add', {
        rule,
        ...(opts.position !== undefined ? { position: opts.position } : {}),
      });
      console.log(describeRule(added));
    });
  });

  addGlobalOptions(
    rules
      .command('apply [id]')
      .description('apply one rule (or all) to the stored rows; --preview only lists what would change')
      .option('--preview', 'list the changes without making them')
      .option('--limit <n>', 'list at most this many changes', idOption, 200),
  ).action(async (id: string | undefined, opts: GlobalOptions & { preview?: boolean; limit: number }) => {
    const target = id === undefined ? { all: true as const } : { ruleId: idOption(id) };
    await withCore(opts, async (cli) => {
      const result = opts.preview
        ? await cli.call('rules.preview', { target, limit: opts.limit })
        : await cli.call('rules.apply', { target, limit: opts.limit });
      printChanges(result);
      console.error(opts.preview ? `${result.rows} linha(s) mudariam` : `${result.rows} linha(s) mudaram`);
    });
  });

  addGlobalOptions(rules.command('remove <id>').description('remove a rule (the edits it made stay)')).action(
    async (id: string, opts: GlobalOptions) => {
      await withCore(opts, async (cli) => {
        await cli.call('rules.remove', { id: idOption(id) });
        console.log(`regra #${id} removida`);
      });
    },
  );
}
