// Quit that lets the core finish: running syncs get a deadline to end, then the DB closes and the app exits.
import type { Logger } from '../../src/core';

/** How long a running sync may take to finish after Quit; each stored page is already committed. */
export const QUIT_DEADLINE_MS = 10_000;

export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<'done' | 'deadline'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), ms);
  });
  return Promise.race([work.then(() => 'done' as const), deadline]).finally(() => clearTimeout(timer));
}

/**
 * The first Quit is held until `closeAll` (core.close: stop the scheduler, drain syncs, close the DB) ends
 * or the deadline passes; a run cut off by the deadline is marked interrupted at the next start, and
 * resumes from its last committed page.
 */
export function installGracefulQuit(
  app: QuittableApp,
  closeAll: () => Promise<void>,
  logger: Logger,
  deadlineMs = QUIT_DEADLINE_MS,
): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    withDeadline(closeAll(), deadlineMs)
      .then((outcome) => {
        if (outcome === 'deadline')
          logger.warn({ deadlineMs }, 'quit: a sync was still running at the deadline');
        else logger.info('quit: core closed');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'quit: closing the core failed'))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
