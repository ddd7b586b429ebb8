import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src/core/sync/group-commit';
import { tempDir } from '../../helpers/temp-dir';

// A real SQLite file: a "page" is a list of ids inserted in one go; a duplicate id breaks its transaction.
const db = new Database(join(tempDir(), 'group-commit.db'));
db.pragma('journal_mode=WAL');
db.exec('CREATE TABLE rows (id TEXT PRIMARY KEY)');
afterAll(() => db.close());

const insert = db.prepare('INSERT INTO rows (id) VALUES (?)');
let commits: string[][][] = [];

function committer(maxWaitMs = 1000, maxItems = 10) {
  return createGroupCommit<string[], number>({
    maxWaitMs,
    maxItems,
    commitAll: (pages) => {
      const written = db.transaction(() => pages.map((ids) => ids.map((id) => insert.run(id)).length))();
      commits.push(pages.map((p) => [...p]));
      return written;
    },
  });
}

const stored = () => (db.prepare('SELECT id FROM rows ORDER BY id').pluck().all() as string[]).join(',');

beforeEach(() => {
  db.exec('DELETE FROM rows');
  commits = [];
});

describe('group commit of pages', () => {
  it('commits a lone reader’s page at once, without waiting', async () => {
    const pages = committer();
    const leave = pages.join();
    await expect(pages.write(['a', 'b'])).resolves.toBe(2);
    leave();
    expect(commits).toEqual([[['a', 'b']]]);
    expect(stored()).toBe('a,b');
  });

  it('commits the pages of readers that hand in together in one transaction, each with its own result', async () => {
    const pages = committer();
    const leaves = [pages.join(), pages.join(), pages.join()];
    const results = await Promise.all([pages.write(['a']), pages.write(['b', 'c']), pages.write(['d'])]);
    leaves.forEach((leave) => leave());
    expect(results).toEqual([1, 2, 1]);
    expect(commits).toEqual([[['a'], ['b', 'c'], ['d']]]);
    expect(stored()).toBe('a,b,c,d');
  });

  it('never puts more pages in one transaction than its cap, however many readers wait', async () => {
    const pages = committer(1000, 2);
    const leaves = [pages.join(), pages.join(), pages.join(), pages.join(), pages.join()];
    await Promise.all([pages.write(['a']), pages.write(['b']), pages.write(['c']), pages.write(['d'])]);
    leaves.forEach((leave) => leave());
    expect(commits).toEqual([
      [['a'], ['b']],
      [['c'], ['d']],
    ]);
  });

  it('does not hold a page longer than the longest wait for a reader that has nothing yet', async () => {
    const pages = committer(20);
    const leaveA = pages.join();
    const leaveB = pages.join();
    const started = performance.now();
    await pages.write(['a']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    expect(commits).toEqual([[['a']]]);
    leaveA();
    leaveB();
  });

  it('commits what is queued as soon as the reader it waited for leaves', async () => {
    const pages = committer(60_000);
    const leaveA = pages.join();
    const leaveB = pages.join();
    const written = pages.write(['a']);
    leaveB(); // B read its last page: nobody else is coming
    await expect(written).resolves.toBe(1);
    leaveA();
    expect(stored()).toBe('a');
  });

  it('fails only the bad page of a group; the other readers’ pages still land', async () => {
    insert.run('taken');
    const pages = committer();
    const leaves = [pages.join(), pages.join(), pages.join()];
    const [good1, bad, good2] = await Promise.allSettled([
      pages.write(['a']),
      pages.write(['b', 'taken']),
      pages.write(['c']),
    ]);
    leaves.forEach((leave) => leave());
    expect(good1).toEqual({ status: 'fulfilled', value: 1 });
    expect(good2).toEqual({ status: 'fulfilled', value: 1 });
    expect(bad.status).toBe('rejected');
    // Whole pages only: the bad page's "b" went with it.
    expect(stored()).toBe('a,c,taken');
  });
});
