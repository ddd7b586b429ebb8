// All sandbox state (items, account ledgers, webhooks) in memory, optionally persisted as JSON under dataDir.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Webhook } from '../shared/pluggy';
import type { AccountRecord } from './data/account-record';
import { AccountLedger } from './data/ledger';
import type { ItemRecord } from './items/item-record';

export type WebhookRecord = Webhook & { headers: Record<string, string> };

const STATE_FILE = 'sandbox-state.json';
const PersistedState = z.object({
  version: z.literal(1),
  seed: z.string(),
  counters: z.object({ items: z.number(), webhooks: z.number(), events: z.number() }),
  items: z.array(z.custom<ItemRecord>((v) => typeof v === 'object' && v !== null)),
  accounts: z.array(z.custom<AccountRecord>((v) => typeof v === 'object' && v !== null)),
  webhooks: z.array(z.custom<WebhookRecord>((v) => typeof v === 'object' && v !== null)),
  /** Connector statuses set by the admin route (absent in files written before they were kept). */
  connectorStatus: z.array(z.tuple([z.number(), z.string()])).optional(),
});
type PersistedState = z.infer<typeof PersistedState>;

export class SandboxStore {
  readonly items = new Map<string, ItemRecord>();
  readonly ledgers = new Map<string, AccountLedger>();
  readonly webhooks = new Map<string, WebhookRecord>();
  counters = { items: 0, webhooks: 0, events: 0 };
  /** Connector statuses set by POST /__sandbox/connector-status, over the connectors' own health. */
  readonly connectorStatus = new Map<number, string>();
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly seed: string,
    private readonly dataDir: string | undefined,
  ) {}

  /** Loads persisted state when dataDir holds a file for the same seed; otherwise starts empty. */
  load(): void {
    if (this.dataDir === undefined) return;
    mkdirSync(this.dataDir, { recursive: true });
    let text: string;
    try {
      text = readFileSync(join(this.dataDir, STATE_FILE), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new Error(`sandbox: cannot read ${STATE_FILE} in ${this.dataDir}`, { cause: err });
    }
    const parsed = PersistedState.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new Error(`sandbox: ${STATE_FILE} in ${this.dataDir} is not a sandbox state file`);
    if (parsed.data.seed !== this.seed) return;
    this.counters = parsed.data.counters;
    for (const item of parsed.data.items) this.items.set(item.item.id, item);
    for (const account of parsed.data.accounts) this.ledgers.set(account.id, new AccountLedger(account));
    for (const webhook of parsed.data.webhooks) this.webhooks.set(webhook.id, webhook);
    for (const [id, status] of parsed.data.connectorStatus ?? []) this.connectorStatus.set(id, status);
  }

  /** Schedules a write (coalesced); a no-op in memory mode. */
  changed(): void {
    if (this.dataDir === undefined || this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => this.flush(), 50);
  }

  flush(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.dataDir === undefined) return;
    const state: PersistedState = {
      version: 1,
      seed: this.seed,
      counters: this.counters,
      items: [...this.items.values()],
      accounts: [...this.ledgers.values()].map((l) => l.record),
      webhooks: [...this.webhooks.values()],
      connectorStatus: [...this.connectorStatus.entries()],
    };
    const file = join(this.dataDir, STATE_FILE);
    // A temp name of this write's own: another process on the same data dir (`cofre sync` from cron while
    // the app is open) renaming a shared one away made this rename fail with ENOENT.
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
    renameSync(temp, file);
  }

  ledgersOf(itemId: string): AccountLedger[] {
    const record = this.items.get(itemId);
    if (!record) return [];
    return record.accountIds
      .map((id) => this.ledgers.get(id))
      .filter((l): l is AccountLedger => l !== undefined);
  }

  deleteItem(itemId: string): void {
    const record = this.items.get(itemId);
    if (!record) return;
    for (const id of record.accountIds) this.ledgers.delete(id);
    this.items.delete(itemId);
    this.changed();
  }
}
