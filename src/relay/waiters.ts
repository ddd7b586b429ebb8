// Long-polls and SSE streams parked until their device has a new event (or a timeout, or the client leaves).
import type { RelayStore } from './store/types';

export class Waiters {
  private readonly byDevice = new Map<string, Set<() => void>>();
  /** Wake count per device: a waiter that read before a wake it had not registered for yet still sees it. */
  private readonly wakes = new Map<string, number>();
  private readonly unsubscribe: () => void;

  constructor(store: RelayStore) {
    this.unsubscribe = store.onAppend((deviceIds) => {
      for (const id of deviceIds) this.wake(id);
    });
  }

  /** Take before reading the store; pass to `wait` so an event stored in between is not missed. */
  mark(deviceId: string): number {
    return this.wakes.get(deviceId) ?? 0;
  }

  /**
   * Resolves on the device's next event after `mark`, after `timeoutMs`, or when `signal` aborts —
   * whichever is first.
   */
  wait(deviceId: string, mark: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted || this.mark(deviceId) !== mark) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        const set = this.byDevice.get(deviceId);
        set?.delete(done);
        if (set?.size === 0) this.byDevice.delete(deviceId);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      let set = this.byDevice.get(deviceId);
      if (!set) this.byDevice.set(deviceId, (set = new Set()));
      set.add(done);
    });
  }

  wake(deviceId: string): void {
    this.wakes.set(deviceId, (this.wakes.get(deviceId) ?? 0) + 1);
    const set = this.byDevice.get(deviceId);
    if (set) for (const done of [...set]) done();
  }

  /** Releases every waiter (shutdown). */
  wakeAll(): void {
    for (const set of [...this.byDevice.values()]) for (const done of [...set]) done();
  }

  close(): void {
    this.unsubscribe();
    this.wakeAll();
  }
}
