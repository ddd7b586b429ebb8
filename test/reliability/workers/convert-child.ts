// Child process for the cipher-conversion kills: opens an old-scheme DB (converting it), reporting progress.
// Usage: node --import tsx convert-child.ts <db file> <hex key>
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../../src/core/store';

const [file, key] = process.argv.slice(2);
if (!file || !key) throw new Error('usage: convert-child <file> <hex key>');
process.stdout.write('ready\n');
const started = performance.now();
const db = openDatabase({
  file,
  key,
  onProgress: (p) => process.stdout.write(`progress ${p.task} ${p.fraction}\n`),
});
db.close();
process.stdout.write(`converted ${Math.round(performance.now() - started)}\n`);
