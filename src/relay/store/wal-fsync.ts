// Group fsync of a SQLite WAL file on the libuv thread pool, so durability never blocks the event loop.
import { closeSync, constants, fsync, openSync } from 'node:fs';

/**
 * `durable()` resolves once an fsync that started after the call has finished: every commit made before
 * the call is then on disk. Callers arriving while an fsync runs share the next one.
 */
export class WalFsync {
  private readonly fd: number;
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(walPath: string) {
    // Created if SQLite has not yet: an empty WAL file means "no WAL" to SQLite.
    this.fd = openSync(walPath, constants.O_RDONLY | constants.O_CREAT, 0o600);
  }

  durable(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      try {
        await new Promise<void>((resolve, reject) => fsync(this.fd, (e) => (e ? reject(e) : resolve())));
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    this.running = false;
  }

  close(): void {
    closeSync(this.fd);
  }
}
