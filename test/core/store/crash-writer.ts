// Child process for the crash test: upserts pages (each with its audit entry) until killed.
// Usage: node --import tsx crash-writer.ts <db file> <hex key> <page size>
import { appendAudit } from '../../../src/core/audit';
import { getConnection, openDatabase, upsertTransactions } from '../../../src/core/store';
import { samplePage } from './sample-data';
import { ACCOUNT_ID, ITEM_ID, seedConnection } from './seed';

const [file, key, size] = process.argv.slice(2);
if (!file || !key || !size) throw new Error('usage: crash-writer <file> <key> <page size>');
const pageSize = Number(size);
const db = openDatabase({ file, key });
if (!getConnection(db, ITEM_ID)) seedConnection(db);
const stored = Number(db.prepare('SELECT count(*) FROM transactions').pluck().get());
for (let page = stored / pageSize; page < 100_000; page++) {
  db.transaction(() => {
    const counts = upsertTransactions(db, samplePage(page * pageSize, pageSize, ACCOUNT_ID));
    appendAudit(db, {
      actor: 'sync',
      action: 'open_finance.sync.page',
      connectionId: ITEM_ID,
      outcome: 'success',
      details: { page, ...counts },
    });
  })();
  process.stdout.write(`page ${page}\n`);
}
