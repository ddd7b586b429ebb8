// Renders test/artifacts/reliability.json as the README's figures table. With `--write <file>`, replaces the
// block between the reliability-figures markers in that file (the README), so it shows the latest run.
import { readFileSync, writeFileSync } from 'node:fs';
import { headline, readFigures } from './figures';

const START = '<!-- reliability-figures:start -->';
const END = '<!-- reliability-figures:end -->';

const LABELS: Record<string, string> = {
  faultSoak: 'Fault soak (5xx, resets, timeouts, 429 bursts, apiKey expiry)',
  crashSafety: 'Crash safety (sync child SIGKILLed)',
  relayDurability: 'Relay durability (relay SIGKILLed, app offline 1 h)',
  relayClientDurability: 'Relay durability with the app’s relay client (relay and app restarted)',
  hostileIpc: 'Hostile IPC input (every contract call)',
  hostileWebhooks: 'Hostile webhooks (relay over HTTP)',
  secrets: 'Secrets and data at rest',
  hostileHost: 'Hostile neighbours of the browser host (cookie to a foreign port)',
  hostileCli: 'Hostile CLI use (export onto data-dir files and symlinks, wrong key, empty DB beside its WAL)',
  twoProcesses: 'Two processes syncing one data dir (one SIGKILLed mid-run, holder or waiter)',
  hostileRelay:
    'Hostile relay conditions (store deleted and read-only under load, item claims, cursor ahead, oversized unknown events)',
};

export function figuresMarkdown(): string {
  const file = readFigures();
  const totals = headline(file);
  const lines = [
    '| runs | faults injected | kills survived | malformed inputs tried | secrets found | rows lost |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${totals.runs} | ${totals.faultsInjected} | ${totals.killsSurvived} | ${totals.malformedInputsTried} | ${totals.secretsFound} | ${totals.rowsLost} |`,
    '',
    '| suite | settings | measured at | figures |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, section] of Object.entries(file.sections)) {
    const figures = Object.entries(section.figures)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ');
    lines.push(
      `| ${LABELS[name] ?? name} | ${section.mode} | ${section.at.slice(0, 16).replace('T', ' ')} | ${figures} |`,
    );
  }
  return lines.join('\n');
}

const markdown = figuresMarkdown();
const target = process.argv.indexOf('--write');
if (target >= 0 && process.argv[target + 1]) {
  const path = process.argv[target + 1] as string;
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path} has no ${START} … ${END} block`);
  writeFileSync(path, `${text.slice(0, from + START.length)}\n${markdown}\n${text.slice(to)}`);
} else {
  process.stdout.write(`${markdown}\n`);
}
