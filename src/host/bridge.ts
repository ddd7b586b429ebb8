// `window.cofre` for browser mode: calls go to POST /rpc/:channel, events come from one EventSource.
// Built by vite as its own file and loaded before the app, only when the browser host serves the page.
import type { CofreBridge, Result } from '../shared/contract';

declare global {
  interface Window {
    cofre?: CofreBridge;
  }
}

function createHttpBridge(): CofreBridge {
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function ensureSource(): EventSource {
    if (source) return source;
    source = new EventSource('/events', { withCredentials: true });
    return source;
  }

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        // The host is gone (app closed or restarted): say so as a Result, like any other failure.
        return unavailable('The Cofre host is not answering. Is `cofre serve` still running?');
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            messageKey: 'errors.unauthorized',
            message: 'This page is not authorised. Open the link printed by `cofre serve`.',
          },
        };
      }
      return (await response.json()) as Result<unknown>;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        ensureSource().addEventListener(event, (message) => {
          const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
          for (const l of created) l(payload);
        });
        set = created;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

function unavailable(message: string): Result<never> {
  return { ok: false, error: { code: 'unavailable', messageKey: 'errors.unavailable', message } };
}

if (!window.cofre) window.cofre = createHttpBridge();
