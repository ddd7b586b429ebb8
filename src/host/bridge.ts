// `window.cofre` for browser mode: calls go to POST /rpc/:channel, events come from one EventSource on /events.
// Built by vite as its own file and loaded before the app, only when the browser host serves the page.
//
// The launch token arrives in the URL fragment (`/#token=…`, never sent to any server), is kept in this tab's
// sessionStorage (bound to the host's origin, port included) so a reload keeps working, and goes only to our
// own origin: as an Authorization header, or in the event stream's URL. No cookie: a cookie would also reach
// every other local port.
import type { CofreBridge, Result } from '../shared/contract';

declare global {
  interface Window {
    cofre?: CofreBridge;
  }
}

const TOKEN_KEY = 'cofre.launchToken';

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

  let source: EventSource | undefined;

  // EventSource cannot send a header, so the stream alone takes the token in its (same-origin) URL; the host
  // accepts it there for GET /events only, and never logs URLs.
  function ensureSource(): EventSource {
    source ??= new EventSource(token ? `/events?token=${encodeURIComponent(token)}` : '/events');
    return source;
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

if (!window.cofre) window.cofre = createHttpBridge(takeLaunchToken());
