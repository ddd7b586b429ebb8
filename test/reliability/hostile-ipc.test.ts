// Hostile IPC input: a generated corpus across every contract call, straight into the core and through the
// browser host's /rpc over HTTP. Each gets invalid_input (HTTP 400), nothing crashes, nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src/host/server';
import { CHANNELS } from '../../src/shared/contract';
import { startCoreWorld, type CoreWorld } from '../helpers/core-world';
import { writeFigures } from './figures';
import {
  forgedCursorInputs,
  HOSTILE_SEARCHES,
  hostileIpcCorpus,
  refusedByContract,
} from './hostile-ipc-corpus';

let world: CoreWorld;
let host: RunningHost;
const figures = {
  malformedInputsTried: 0,
  ipcDirect: 0,
  ipcOverHttp: 0,
  forgedCursors: 0,
  hostileSearches: 0,
};
const corpus = hostileIpcCorpus();

beforeAll(async () => {
  world = await startCoreWorld({ sandbox: { transactionsPerAccount: 40, seed: 'hostile-ipc' } });
  await world.settle(await world.connect('user-ok'));
  host = await startHost({ core: world.core });
});
afterAll(async () => {
  await host.close();
  await world.close();
  // Distinct inputs (the HTTP pass replays the same corpus through the host).
  figures.malformedInputsTried = figures.ipcDirect + figures.forgedCursors;
  writeFigures('hostileIpc', figures);
});

/** Every page of a keyset-paged call, read without side effects (an export is itself audited). */
async function allPages(channel: 'audit.page' | 'transactions.page', filter: Record<string, unknown>) {
  const rows: unknown[] = [];
  for (let after: string | null = null; ;) {
    const page: { rows: unknown[]; next: string | null } = await world.call(channel, {
      filter,
      limit: 500,
      ...(after ? { after } : {}),
    });
    rows.push(...page.rows);
    if (!page.next) return rows;
    after = page.next;
  }
}

/** Everything a bad input could have changed. */
async function fingerprint() {
  return {
    audit: await allPages('audit.page', {}),
    connections: await world.call('connections.list', {}),
    transactions: await allPages('transactions.page', { includeRemoved: true }),
    notices: await world.call('notices.list', { includeDismissed: true }),
    settings: await world.call('settings.get', {}),
    runs: (await world.call('sync.runs', { limit: 100 })).map((r) => [r.id, r.outcome]),
  };
}

const describeInput = (input: unknown) => {
  try {
    return JSON.stringify(input)?.slice(0, 100) ?? String(input);
  } catch {
    return typeof input;
  }
};

describe('hostile IPC input', () => {
  it('generates at least 200 refused inputs covering every contract call', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.channel))).toEqual(new Set(CHANNELS));
  });

  it('answers every one with invalid_input, straight into the core, and changes nothing', async () => {
    const before = await fingerprint();
    for (const { channel, input, label } of corpus) {
      const result = await world.core.handle(channel, input);
      expect(result, `${channel} ${label}: ${describeInput(input)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      figures.ipcDirect++;
    }
    expect(await fingerprint()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await world.call('audit.verify', {})).ok).toBe(true);
  });

  it('answers every one that survives JSON with HTTP 400 through the host /rpc', async () => {
    const before = await fingerprint();
    for (const { channel, input, label } of corpus) {
      let body: string;
      try {
        body = JSON.stringify(input);
      } catch {
        continue; // nesting too deep for JSON itself: a page could not send it either
      }
      if (body === undefined || !refusedByContract(channel, JSON.parse(body))) continue;
      const res = await fetch(`${host.url}/rpc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
        body,
      });
      const answer = (await res.json()) as { ok: boolean; error?: { code: string } };
      expect([res.status, answer.error?.code], `${channel} ${label}`).toEqual([400, 'invalid_input']);
      figures.ipcOverHttp++;
    }
    expect(await fingerprint()).toEqual(before);
    // One HTTP round trip per input, one after another: on a loaded shared machine this takes longer than 30 s.
  }, 120_000);

  it('refuses forged keyset cursors as invalid_input', async () => {
    for (const { channel, input } of forgedCursorInputs()) {
      const result = await world.core.handle(channel, input);
      expect(result, `${channel} ${describeInput(input)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      figures.forgedCursors++;
    }
  });

  it('treats SQL and FTS syntax in search text as plain words: an answer, never an error', async () => {
    const before = await fingerprint();
    for (const text of HOSTILE_SEARCHES) {
      for (const channel of ['transactions.page', 'transactions.count', 'audit.page'] as const) {
        const result = await world.core.handle(channel, { filter: { text } });
        expect(result.ok, `${channel} ${JSON.stringify(text)}`).toBe(true);
        figures.hostileSearches++;
      }
    }
    expect(await fingerprint()).toEqual(before);
  });
});
