// Starts the real sandbox for client tests and creates a synced `user-ok` item through the client.
import { startSandbox, type RunningSandbox, type SandboxStartOptions } from '../../../../src/sandbox';
import { createPluggyClient, type PluggyClient, type PluggyClientOptions } from '../../../../src/core/pluggy';
import { Account, Transaction, type Item } from '../../../../src/shared/pluggy';
import { z } from 'zod';

export function clientOf(sandbox: RunningSandbox, over: Partial<PluggyClientOptions> = {}): PluggyClient {
  return createPluggyClient({
    baseUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    ...over,
  });
}

export function start(options: SandboxStartOptions): Promise<RunningSandbox> {
  return startSandbox({ faultsFromEnv: false, admin: true, executionMs: 30, ...options });
}

/** Creates a `user-ok` item on Pluggy Bank and polls (real time, the sandbox runs on timers) until it is done. */
export async function syncedItem(client: PluggyClient): Promise<Item> {
  let item = await client.createItem({
    connectorId: 0,
    parameters: { user: 'user-ok', password: 'password-ok' },
  });
  for (let i = 0; i < 500 && ['UPDATING', 'MERGING'].includes(item.status); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    item = await client.getItem(item.id);
  }
  if (item.status !== 'UPDATED') throw new Error(`sandbox item ended ${item.status}/${item.executionStatus}`);
  return item;
}

const Truth = z.object({ accounts: z.array(Account), transactions: z.array(Transaction) });

/** The sandbox's ground truth of an item (admin route, outside the client under test). */
export async function truthOf(sandbox: RunningSandbox, itemId: string): Promise<z.infer<typeof Truth>> {
  const response = await fetch(`${sandbox.url}/__sandbox/truth?itemId=${encodeURIComponent(itemId)}`);
  if (!response.ok) throw new Error(`truth: HTTP ${response.status}`);
  return Truth.parse(await response.json());
}
