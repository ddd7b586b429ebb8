// The shape of `window.cofre`: the only door from the page to the core (preload in Electron, HTTP in a browser).
import type { Result } from './define';

export interface CofreBridge {
  invoke(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** Subscribes to a push event; returns the function that unsubscribes. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
