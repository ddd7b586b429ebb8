// One page ahead: while a page is being stored, the next one is already on the wire (at most two in memory).
export async function* prefetchOne<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const current = await pending;
      if (current.done) return;
      pending = iterator.next();
      // A failure of the page in flight surfaces on the next await; keep it from being "unhandled" meanwhile.
      pending.catch(() => undefined);
      yield current.value;
    }
  } finally {
    await iterator.return?.();
  }
}
