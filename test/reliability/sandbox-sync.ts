// The sandbox as the process-killing reliability tests use it: a new item as Connect makes it, and an engine
// on real time whose backoffs are short (the tests kill at chosen points, not after a pause).
import { createEventBus } from '../../src/core/events/event-bus';
import { silentLogger } from '../../src/core/logging/logger';
import { createPluggyClient } from '../../src/core/pluggy';
import type { Db } from '../../src/core/store';
import { createSyncEngine, type SyncEngine } from '../../src/core/sync/sync-engine';
import type { RunningSandbox } from '../../src/sandbox';

/** Creates an item at the sandbox (a bank login that works) and returns its id. */
export async function newSandboxItem(sandbox: RunningSandbox): Promise<string> {
  const auth = await fetch(`${sandbox.url}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }),
  });
  const { apiKey } = (await auth.json()) as { apiKey: string };
  const res = await fetch(`${sandbox.url}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } }),
  });
  return ((await res.json()) as { id: string }).id;
}

export function quickEngine(sandbox: RunningSandbox, db: Db): SyncEngine {
  const clock = {
    now: Date.now,
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 50))),
  };
  const api = createPluggyClient({
    baseUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    clock,
    logger: silentLogger(),
  });
  return createSyncEngine({ db, api, clock, events: createEventBus(), logger: silentLogger() });
}
