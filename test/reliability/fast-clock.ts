// A clock shared by the sandbox and the core in which waits pass at once: backoffs and 60 s rate-limit
// waits cost milliseconds, and both sides agree on "now" (apiKey expiry, rate-limit windows).
import type { SleepClock } from '../../src/core/clock';

export interface FastClock extends SleepClock {
  /** Virtual milliseconds skipped so far. */
  readonly skippedMs: number;
  advance(ms: number): void;
}

export function fastClock(realWaitCapMs = 5): FastClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    get skippedMs() {
      return offset;
    },
    advance(ms) {
      offset += ms;
    },
    sleep(ms, signal) {
      const wait = Math.max(0, ms);
      offset += Math.max(0, wait - realWaitCapMs);
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal?.reason as Error);
        };
        const timer = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.min(wait, realWaitCapMs),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
