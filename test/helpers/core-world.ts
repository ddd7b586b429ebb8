// A real core against a real sandbox, in a temp data dir: what the handler-level integration tests drive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/core';
import type { SleepClock } from '../../src/core/clock';
import type { CallInput, CallOutput, Channel } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import { startSandbox, type RunningSandbox, type SandboxStartOptions } from '../../src/sandbox';
import { connectTokenOf } from '../../src/host/connect-token';

export interface CoreWorld {
  sandbox: RunningSandbox;
  core: Core;
  dataDir: string;
  call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>>;
  /** Creates an item at the sandbox as Connect would, then saves it through the contract. */
  connect(user: string, connectorId?: number, extra?: Record<string, string>): Promise<string>;
  /** Waits until the connection is not syncing any more; returns its view. */
  settle(itemId: string, timeoutMs?: number): Promise<CallOutput<'connections.list'>[number]>;
  restartCore(clock?: SleepClock): Promise<void>;
  close(): Promise<void>;
}

export async function startCoreWorld(
  options: { sandbox?: SandboxStartOptions; clock?: SleepClock } = {},
): Promise<CoreWorld> {
  const sandbox = await startSandbox({
    admin: true,
    executionMs: 150,
    seed: 'core-world',
    ...options.sandbox,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'cofre-core-'));
  const make = (clock?: SleepClock) =>
    createCore({
      dataDir,
      mode: 'demo',
      host: 'test',
      version: 'test',
      checkOutput: true,
      scheduler: false,
      pluggy: { baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
      connectUrl: `${sandbox.url}/connect`,
      ...(clock ? { clock } : {}),
    });
  const world: CoreWorld = {
    sandbox,
    core: await make(options.clock),
    dataDir,
    async call(channel, input) {
      const result = await world.core.handle(channel, input);
      if (!result.ok) throw AppError.fromData(result.error);
      return result.value as CallOutput<typeof channel>;
    },
    async connect(user, connectorId = 0, extra = {}) {
      const token = connectTokenOf(world.core, await world.call('connections.connectToken', {}));
      const res = await fetch(`${sandbox.url}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': token },
        body: JSON.stringify({ connectorId, parameters: { user, password: 'password-ok', ...extra } }),
      });
      const item = (await res.json()) as { id: string };
      await world.call('connections.save', { itemId: item.id });
      return item.id;
    },
    async settle(itemId, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const view = (await world.call('connections.list', {})).find((c) => c.itemId === itemId);
        if (!view) throw new Error(`no connection ${itemId}`);
        if (!view.syncing) return view;
        if (Date.now() > deadline) throw new Error(`${itemId} still syncing after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async restartCore(clock) {
      // Closing twice is harmless: a test may have closed the core itself.
      await world.core.close();
      world.core = await make(clock);
    },
    async close() {
      await world.core.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Now is real time plus an offset the test moves; sleeps are real but short, so nothing waits minutes. */
export function offsetClock(): SleepClock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100))),
    advance(ms) {
      offset += ms;
    },
  };
}
