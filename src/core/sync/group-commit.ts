// Group commit: the pages that concurrent account reads hand in together share one DB transaction.
//
// With SQLCipher every commit encrypts and authenticates each page it dirtied, and a page of 500 rows
// with random Pluggy ids dirties most of the id index: pages committed together write those index pages
// once instead of once per page. Each write stays whole and keeps its own audit entry; a crash still
// leaves only whole writes. A reader awaits its write before queueing the next, so the queue never holds
// more than one write per reader, and none waits longer than `maxWaitMs`.

export interface GroupCommitOptions<T, R> {
  /** Writes the items in one DB transaction, all or none; returns one result per item, in order. */
  commitAll(items: readonly T[]): R[];
  /** Longest a queued write waits for the other readers' writes before committing without them. */
  maxWaitMs: number;
  /** Most writes in one transaction: the thread is busy for the whole commit, so keep each one short. */
  maxItems: number;
}

export interface GroupCommit<T, R> {
  /** A reader starts handing in writes; call the returned function once it has handed in its last. */
  join(): () => void;
  /** Queues one write; resolves with its result once committed, or rejects with its own error. */
  write(item: T): Promise<R>;
}

interface Queued<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export function createGroupCommit<T, R>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  let readers = 0;
  let queue: Queued<T, R>[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      const results = options.commitAll(batch.map((q) => q.item));
      batch.forEach((q, i) => q.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad write must fail only its own reader: commit each alone, so the others still land.
      for (const q of batch) {
        try {
          q.resolve(options.commitAll([q.item])[0]!);
        } catch (own) {
          q.reject(own);
        }
      }
    }
  }

  function flushIfFull(): void {
    if (queue.length > 0 && queue.length >= Math.min(readers, options.maxItems)) flush();
  }

  return {
    join() {
      readers += 1;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        readers -= 1;
        flushIfFull();
      };
    },
    write(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        flushIfFull();
        if (queue.length > 0) timer ??= setTimeout(flush, options.maxWaitMs);
      });
    },
  };
}
