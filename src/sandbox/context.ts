// What every route module receives: the state, the executor, the webhook dispatcher and the settings.
import type { Item } from '../shared/pluggy';
import type { Clock } from './clock';
import { findConnector } from './data/connectors';
import { withIcon } from './data/connector-icons';
import type { FaultInjector } from './http/faults';
import type { Credentials, Principal } from './http/credentials';
import { ApiError, notFound } from './http/api-error';
import type { Executor } from './items/executor';
import type { ItemRecord } from './items/item-record';
import type { ResolvedSandboxOptions } from './options';
import type { SandboxStore } from './store';
import type { WebhookDispatcher } from './webhooks/dispatcher';

export interface RequestStats {
  counts: Map<string, number>;
}

export interface SandboxContext {
  options: ResolvedSandboxOptions;
  seed: string;
  clock: Clock;
  store: SandboxStore;
  executor: Executor;
  hooks: WebhookDispatcher;
  credentials: Credentials;
  faults: FaultInjector;
  stats: RequestStats;
  baseUrl(): string;
}

export function toItem(record: ItemRecord, baseUrl: string): Item {
  const { connectorId, ...rest } = record.item;
  const connector = findConnector(connectorId);
  if (!connector) throw new ApiError(500, 'Connector of item missing');
  return { ...rest, connector: withIcon(connector, baseUrl) };
}

/** The item, if this principal may see it (apiKeys see all; connect tokens only their own). */
export function itemFor(ctx: SandboxContext, id: string, principal: Principal | null): ItemRecord {
  const record = ctx.store.items.get(id);
  if (!record) throw notFound('Item');
  if (
    principal?.kind === 'connectToken' &&
    principal.itemId !== id &&
    record.createdByToken !== principal.tokenId
  ) {
    throw new ApiError(403, 'Forbidden: this connect token cannot access this item');
  }
  return record;
}
