// Child process of the startup bench: a fresh process opens the DB and reads what the Transactions screen
// asks first (page, count, categories); prints the timings and the RSS once idle, as one JSON line.
// Usage: node --import tsx core-open-child.ts <db file> <hex key>
import { performance } from 'node:perf_hooks';
import {
  countTransactions,
  listLiveCategories,
  openDatabase,
  pageTransactions,
} from '../../../src/core/store';

const [file, key] = process.argv.slice(2);
if (!file || !key) throw new Error('usage: core-open-child <db file> <hex key>');
const openAt = performance.now();
const db = openDatabase({ file, key });
const openedAt = performance.now();
const page = pageTransactions(db, { limit: 100 });
countTransactions(db, {});
listLiveCategories(db);
const firstPageAt = performance.now();
if (page.rows.length === 0) throw new Error('no rows in the startup DB');
// Idle: what the core holds once the first screen is drawn and nothing else happens.
setTimeout(() => {
  const rssMiB = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(
    `${JSON.stringify({
      processToFirstPageMs: firstPageAt,
      openMs: openedAt - openAt,
      openToFirstPageMs: firstPageAt - openAt,
      rssIdleMiB: rssMiB,
    })}\n`,
  );
  db.close();
}, 2_000);
