#!/usr/bin/env node
// `npm test`: lint, typecheck, build, vitest and Playwright, then one plain total line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = `${root}test/artifacts`;
mkdirSync(artifacts, { recursive: true });
const vitestJson = `${artifacts}/vitest.json`;
const playwrightJson = `${artifacts}/playwright.json`;
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`◀ ${label}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status})`} in ${seconds} s`);
  return result.status === 0;
}

/** A step that is not a test runner counts as one check. */
function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

check('lint', 'npx', ['eslint', '.']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
check('typecheck', 'npx', ['tsc', '-b']);
check('electronegativity', 'node', ['test/electron/electronegativity-gate.js']);
check('build renderer', 'npx', [
  'vite',
  'build',
  '--config',
  'src/renderer/vite.config.ts',
  '--logLevel',
  'warn',
]);

// The CLI tests and the e2e host start `cofre` hundreds of times: from the bundle a start takes about a
// third of tsx's (bin/cli-bundle.js runs it while it is newer than the sources).
check('build cli', 'npx', ['vite', 'build', '--config', 'src/cli/vite.config.ts', '--logLevel', 'warn']);

const vitestOk = run('vitest', 'npx', [
  'vitest',
  'run',
  '--config',
  'test/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no failed test but does fail the run.
  if (!vitestOk && vitest.numFailedTests === 0) {
    totals.failed += 1;
    failures.push('vitest (a test file failed to run)');
  } else if (vitest.numFailedTests > 0) failures.push('vitest');
} else {
  totals.failed += 1;
  failures.push('vitest (no report)');
}

const playwrightOk = run('e2e', 'npx', ['playwright', 'test', '--config', 'test/playwright.config.ts'], {
  PW_JSON_OUTPUT: playwrightJson,
});
const playwright = readJson(playwrightJson);
if (playwright) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = playwright.stats ?? {};
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  if (!playwrightOk && unexpected === 0) {
    totals.failed += 1;
    failures.push('e2e (the run failed)');
  } else if (unexpected > 0) failures.push('e2e');
} else {
  totals.failed += 1;
  failures.push('e2e (no report)');
}

console.log('');
if (failures.length > 0) console.log(`failed steps: ${failures.join(', ')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
