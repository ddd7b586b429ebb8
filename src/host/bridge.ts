// `window.cofre` for browser mode: calls go to POST /rpc/:channel, events come from GET /events (SSE over fetch).
// Built by vite as its own file and loaded before the app, only when the browser host serves the page.
//
// The launch token arrives in the URL fragment (`/#token=…`, never sent to any server), is kept in this tab's
// sessionStorage (bound to the host's origin, port included) so a reload keeps working, and goes out only as
// an Authorization header to our own origin. No cookie: a cookie would also reach every other local port.
import type { CofreBridge, Result } from '../shared/contract';
import { readEventStream } from './event-frames';

declare global {
  interface Window {
    cofre?: CofreBridge;
  }
}

const TOKEN_KEY = 'cofre.launchToken';
const STREAM_RETRY_MS = 2_000;

/** Takes the token out of the address bar (before the app reads its hash route) into sessionStorage. */
function takeLaunchToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function createHttpBridge(token: string | null): CofreBridge {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  const dispatch = (event: string, data: string) => {
    const set = listeners.get(event);
    if (!set || set.size === 0) return;
    const payload: unknown = JSON.parse(data);
    for (const l of set) l(payload);
  };

  // EventSource cannot send a header, so the stream is read through fetch; it reconnects like EventSource.
  async function stream(): Promise<void> {
    for (;;) {
      let status = 0;
      try {
        const response = await fetch('/events', {
          headers: { ...auth, accept: 'text/event-stream' },
          credentials: 'omit',
          cache: 'no-store',
        });
        status = response.status;
        if (response.ok && response.body) await readEventStream(response.body, dispatch);
      } catch {
        // The host went away or restarted (status stays 0): try again after the pause, as EventSource would.
      }
      if (status === 401) return; // no valid token: calls say so to the user; retrying cannot help
      await new Promise((resolve) => setTimeout(resolve, STREAM_RETRY_MS));
    }
  }

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'omit',
          headers: { ...auth, 'content-type': 'application/json' },
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
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      const subscribed = set;
      return () => subscribed.delete(listener);
    },
  };
}

function unavailable(message: string): Result<never> {
  return { ok: false, error: { code: 'unavailable', messageKey: 'errors.unavailable', message } };
}

if (!window.cofre) window.cofre = createHttpBridge(takeLaunchToken());
