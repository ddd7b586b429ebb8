// A generated corpus of hostile IPC inputs, derived from the contract itself: every call's input schema is
// walked and each field gets wrong types, out-of-range numbers, huge and hostile strings, deep nesting,
// extra and prototype keys. Only inputs the contract refuses are kept, so each must end in invalid_input.
import { z } from 'zod';
import { calls, CHANNELS, type Channel } from '../../src/shared/contract';

export interface HostileInput {
  channel: Channel;
  input: unknown;
  /** What was done to the input, for failure messages. */
  label: string;
}

/** Valid inputs to mutate from, for calls whose input has required fields (others start from `{}`). */
const BASES: Partial<Record<Channel, Record<string, unknown>>> = {
  'connections.save': { itemId: '00000000-0000-4000-8000-000000000001' },
  'connections.sync': { itemId: '00000000-0000-4000-8000-000000000001' },
  'connections.submitMfa': { itemId: '00000000-0000-4000-8000-000000000001', values: { token: '123456' } },
  'connections.disconnect': { itemId: '00000000-0000-4000-8000-000000000001', keepData: true },
  'transactions.export': { format: 'csv', filter: {} },
  'charts.spending': { month: '2024-01' },
  'charts.balance': { accountId: 'acc-1', from: '2024-01-01', to: '2024-01-31' },
  'audit.export': { format: 'jsonl', filter: {} },
  'notices.dismiss': { id: 1 },
  'bills.transactions': { accountId: 'acc-1', key: 'open:2026-12' },
  'bills.export': { accountId: 'acc-1', key: 'open:2026-12', csvVariant: 'pt-BR' },
};

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value, b: [i] };
  return levels > 30 ? deepArray(levels) : value;
}

function deepArray(levels: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** A keyset cursor of the shape the core issues (base64url JSON), carrying SQL instead of a position. */
function forgedCursor(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export const FORGED_CURSORS = [
  forgedCursor({ sql: 'DROP TABLE transactions' }),
  forgedCursor({ k: '1 OR 1=1; --', id: 'x' }),
  forgedCursor([1e308, null]),
  forgedCursor({ sortKey: -1, id: "' UNION SELECT key FROM store_meta --" }),
  'Zm9v',
  'not base64 at all!',
  '%00%00',
  '____',
  'eyJhbGciOiJub25lIn0.eyJpZCI6MX0.',
  'x'.repeat(512),
];

/** Values that fit almost no field: wrong types, out-of-range numbers, hostile and huge strings. */
const WRONG_VALUES: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['unsafe integer', 2 ** 53 + 2],
  ['huge number', 1e308],
  ['negative huge', -1e308],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['empty string', ''],
  ['NUL', '\u0000'],
  ['huge string', 'x'.repeat(200_001)],
  ['SQL', "1' OR '1'='1'; DROP TABLE transactions; --"],
  ['path', '../../../../etc/passwd'],
  ['bad date', '2024-02-30T99:99'],
  ['emoji', '💸'.repeat(300)],
  ['empty array', []],
  ['array of junk', [null, {}, -1]],
  ['object', { $gt: '' }],
  ['deep object', deep(25)],
  ['deep array', deep(5_000)],
  ['function-like', { toString: 'boom', valueOf: 42 }],
];

/** Inputs that are not the object any call takes. */
const NOT_AN_OBJECT: [string, unknown][] = [
  ['string', 'a string'],
  ['number', 42],
  ['boolean', false],
  ['null', null],
  ['array', []],
  ['deep nesting', deep(10_000)],
];

type AnySchema = z.ZodType;

/** The object shapes an input schema accepts, looking through optional/default/nullable and unions. */
function shapesOf(schema: AnySchema): Record<string, AnySchema>[] {
  if (schema instanceof z.ZodObject) return [schema.shape as Record<string, AnySchema>];
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return shapesOf(schema.unwrap() as AnySchema);
  }
  if (schema instanceof z.ZodUnion) return (schema.options as AnySchema[]).flatMap(shapesOf);
  return [];
}

function candidates(channel: Channel): HostileInput[] {
  const base = BASES[channel] ?? {};
  const out: HostileInput[] = [];
  const add = (input: unknown, label: string) => out.push({ channel, input, label });
  for (const [label, value] of NOT_AN_OBJECT) add(value, `input is ${label}`);
  add({ ...base, unexpectedKey: 1 }, 'extra key');
  add(
    JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(base).slice(1, -1) || '"x": 1'}}`),
    'proto key',
  );
  add({ ...base, constructor: { prototype: { polluted: true } } }, 'constructor key');
  for (const shape of shapesOf(calls[channel].input as AnySchema)) {
    for (const [key, field] of Object.entries(shape)) {
      add(Object.fromEntries(Object.entries(base).filter(([k]) => k !== key)), `${key} missing`);
      for (const [label, value] of WRONG_VALUES) add({ ...base, [key]: value }, `${key} = ${label}`);
      for (const [nested] of shapesOf(field).flatMap((s) => Object.entries(s))) {
        const inner = (base[key] as Record<string, unknown> | undefined) ?? {};
        for (const [label, value] of WRONG_VALUES) {
          add({ ...base, [key]: { ...inner, [nested]: value } }, `${key}.${nested} = ${label}`);
        }
        add({ ...base, [key]: { ...inner, unexpectedKey: 1 } }, `${key} extra key`);
      }
      if (key === 'after') for (const c of FORGED_CURSORS) add({ ...base, after: c }, 'forged cursor');
    }
  }
  return out;
}

/** The router reads a missing (null/undefined) input as "no input", `{}`; so does this corpus. */
export function refusedByContract(channel: Channel, input: unknown): boolean {
  return !calls[channel].input.safeParse(input ?? {}).success;
}

/** Every generated input the contract refuses, for every call. */
export function hostileIpcCorpus(): HostileInput[] {
  return CHANNELS.flatMap((channel) =>
    candidates(channel).filter((c) => refusedByContract(channel, c.input)),
  );
}

/** Schema-valid inputs that carry forged cursors: the core itself must refuse them as invalid_input. */
export function forgedCursorInputs(): HostileInput[] {
  const pageCalls: Channel[] = ['transactions.page', 'audit.page'];
  return pageCalls.flatMap((channel) =>
    FORGED_CURSORS.filter((c) => calls[channel].input.safeParse({ after: c }).success).map((after) => ({
      channel,
      input: { filter: {}, after, limit: 10 },
      label: 'forged cursor',
    })),
  );
}

/** Hostile but valid: SQL and FTS5 syntax in search text must be plain words — an answer, never a crash. */
export const HOSTILE_SEARCHES = [
  '" OR 1=1 --',
  "'; DROP TABLE transactions; --",
  'NEAR(a b, 5)',
  '*',
  '"',
  '""""',
  'AND OR NOT',
  '(((',
  ')))',
  'a:b',
  'description:compra',
  '^compra',
  'compra*',
  '-compra',
  '{a b}',
  'x" UNION SELECT key FROM store_meta --',
  '\u0000',
  '%_%',
  '\\',
  'pix OR 1',
];
