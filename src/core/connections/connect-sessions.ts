// One-time Connect sessions: the page gets an opaque frame URL, and only the host's redirect carries the token.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

/** A connect token lives 30 minutes at Pluggy; an unopened session goes sooner. */
const SESSION_TTL_MS = 10 * 60_000;

interface Session {
  target: string;
  expiresAt: number;
}

export interface ConnectSessions {
  /** Registers the Connect page URL (token and options in its query); returns the session id. */
  create(connectUrl: string, params: Record<string, string>): string;
  /** The URL to redirect the frame to, once; null for an unknown, used or expired id. */
  redeem(id: string): string | null;
}

export function createConnectSessions(clock: Clock): ConnectSessions {
  const sessions = new Map<string, Session>();
  const sweep = () => {
    for (const [id, s] of sessions) if (s.expiresAt <= clock.now()) sessions.delete(id);
  };
  return {
    create(connectUrl, params) {
      sweep();
      const id = randomBytes(24).toString('base64url');
      const url = new URL(connectUrl);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      sessions.set(id, { target: url.toString(), expiresAt: clock.now() + SESSION_TTL_MS });
      return id;
    },
    redeem(id) {
      const session = sessions.get(id);
      sessions.delete(id);
      if (!session || session.expiresAt <= clock.now()) return null;
      return session.target;
    },
  };
}
