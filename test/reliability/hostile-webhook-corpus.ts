// A generated corpus of malformed webhook requests for the relay: forged, missing, duplicated and
// timing-attack-length secrets, bad JSON, wrong types, missing fields, huge strings, deep nesting,
// unknown event shapes and oversized bodies. Every one must get a 4xx and store nothing.
import { seededRandom } from './prng';

export interface HostileRequest {
  label: string;
  path: string;
  method?: string;
  headers: Record<string, string>;
  body?: string;
  /** Odd but well-formed (unknown fields are ignored by design): any answer but a 5xx, nothing routed. */
  tolerated?: boolean;
}

const SECRET_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-';

function randomString(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += SECRET_ALPHABET[Math.floor(random() * SECRET_ALPHABET.length)];
  return s;
}

function nested(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

/** `secret` is a valid one (used only where the body is the thing under test); `deviceId` routes events. */
export function hostileWebhookCorpus(secret: string, header: string, deviceId: string): HostileRequest[] {
  const random = seededRandom(7_777);
  const json = { 'content-type': 'application/json' };
  const authed = { ...json, [header]: secret };
  const good = {
    event: 'item/updated',
    eventId: 'evt-hostile-template',
    id: 'item-h',
    itemId: 'item-h',
    triggeredBy: 'SYNC',
    clientUserId: deviceId,
  };
  const goodBody = JSON.stringify(good);
  const out: HostileRequest[] = [];
  const hook = (label: string, headers: Record<string, string>, body: string = goodBody) =>
    out.push({ label, path: '/hooks/pluggy', headers, body });

  // Authentication: every request below carries a well-formed event, so only the secret can refuse it.
  hook('no secret header', json);
  hook('empty secret', { ...json, [header]: '' });
  hook('secret in another header', { ...json, 'x-pluggy-secret': secret });
  hook('secret as bearer', { ...json, authorization: `Bearer ${secret}` });
  hook('secret upper-cased', { ...json, [header]: secret.toUpperCase() });
  hook('secret twice', { ...json, [header]: `${secret}, ${secret}` });
  hook('secret plus one char', { ...json, [header]: `${secret}x` });
  hook('secret with a tab', { ...json, [header]: `${secret.slice(0, -1)}\t` });
  for (let n = 0; n < secret.length; n++)
    hook(`secret prefix ${n}`, { ...json, [header]: secret.slice(0, n) });
  for (let i = 0; i < 80; i++) {
    // Same length as the real secret, differing from position i onwards: what a timing attack would probe.
    const at = i % secret.length;
    const forged = secret.slice(0, at) + randomString(random, secret.length - at);
    if (forged !== secret) hook(`same-length forgery from ${at}`, { ...json, [header]: forged });
  }
  for (const length of [1, 15, 64, 1_000, 8_000]) {
    hook(`random secret of ${length}`, { ...json, [header]: randomString(random, length) });
  }
  out.push({
    label: 'secret in the query',
    path: `/hooks/pluggy?secret=${secret}`,
    headers: json,
    body: goodBody,
  });
  for (const channel of [
    '',
    'x',
    'a'.repeat(300),
    '..%2F..%2Fv1%2Fdevices',
    '%00',
    randomString(random, 43),
  ]) {
    out.push({
      label: `unknown channel ${channel.slice(0, 12)}`,
      path: `/hooks/pluggy/${channel}`,
      headers: json,
      body: goodBody,
    });
  }

  // Bodies (with the right secret): not JSON, not an object, wrong types, missing fields, huge, deep.
  const notJson = [
    '',
    '{',
    '{"event": "item/updated",}',
    "{'event': 'item/updated'}",
    '{"event": NaN}',
    'null',
    'true',
    '42',
    '"item/updated"',
    '[]',
    `[${goodBody}]`,
    `${goodBody}${goodBody}`,
    '\u0000',
    '\uFEFF{}',
    '<xml/>',
    'event=item/updated&eventId=1',
  ];
  for (const body of notJson) hook(`not a JSON event: ${body.slice(0, 20)}`, authed, body);
  hook('text/plain body', { ...authed, 'content-type': 'text/plain' });
  hook('form body', { ...authed, 'content-type': 'application/x-www-form-urlencoded' }, 'event=item/updated');

  const wrongValues: [string, unknown][] = [
    ['null', null],
    ['number', 7],
    ['boolean', true],
    ['empty', ''],
    ['array', ['item/updated']],
    ['object', { $ne: null }],
    ['huge string', 'e'.repeat(100_000)],
    ['deep', JSON.parse(nested(500))],
  ];
  // A missing eventId is no attack: Pluggy omits it on legacy events (the relay derives a key); a wrong one is.
  const { event: _dropped, ...withoutEvent } = good;
  hook('event missing', authed, JSON.stringify(withoutEvent));
  for (const field of ['event', 'eventId'] as const) {
    for (const [label, value] of wrongValues)
      hook(`${field} = ${label}`, authed, JSON.stringify({ ...good, [field]: value }));
  }
  for (const field of ['itemId', 'id', 'triggeredBy', 'clientUserId', 'clientId'] as const) {
    // Empty and long strings are valid there (no length rule in Pluggy's docs; the body limit bounds them).
    for (const [label, value] of wrongValues.filter(([l]) => !['null', 'empty', 'huge string'].includes(l))) {
      hook(`${field} = ${label}`, authed, JSON.stringify({ ...good, [field]: value }));
    }
  }
  {
    const { itemId: _dropped, ...rest } = good;
    hook('known event without itemId', authed, JSON.stringify(rest));
  }
  const knownShapes: [string, Record<string, unknown>][] = [
    [
      'transactions/created without accountId',
      { event: 'transactions/created', itemId: 'i', createdTransactionsLink: 'x' },
    ],
    [
      'transactions/deleted with ids as string',
      { event: 'transactions/deleted', itemId: 'i', accountId: 'a', transactionIds: 'all' },
    ],
    [
      'transactions/updated with numeric ids',
      { event: 'transactions/updated', itemId: 'i', accountId: 'a', transactionIds: [1, 2] },
    ],
    ['item/error with error as string', { event: 'item/error', itemId: 'i', id: 'i', error: 'boom' }],
    ['item/deleted with itemId object', { event: 'item/deleted', itemId: { $gt: '' }, id: 'i' }],
  ];
  for (const [label, body] of knownShapes)
    hook(label, authed, JSON.stringify({ eventId: `evt-${label}`, ...body }));
  for (const event of ['x'.repeat(201), '', 'item/updated'.repeat(20)]) {
    hook(`unknown event name ${event.slice(0, 12)}`, authed, JSON.stringify({ ...good, event }));
  }
  hook('eventId of 201 chars', authed, JSON.stringify({ ...good, eventId: 'i'.repeat(201) }));
  hook('deeply nested body', authed, nested(20_000));
  out.push({
    label: 'deep extra field',
    path: '/hooks/pluggy',
    headers: authed,
    body: `{"event":"item/updated","eventId":"evt-deep","itemId":"i","id":"i","x":${nested(10_000)}}`,
    tolerated: true,
  });

  // Sizes: over the 256 KB webhook limit, and far over it.
  for (const kb of [257, 1_024, 8_192]) {
    hook(`oversized body ${kb} KB`, authed, JSON.stringify({ ...good, pad: 'p'.repeat(kb * 1024) }));
  }
  hook(
    'oversized body without a secret',
    json,
    JSON.stringify({ ...good, pad: 'p'.repeat(2 * 1024 * 1024) }),
  );

  // Methods the hook route does not have.
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
    out.push({
      label: `${method} on the hook`,
      path: '/hooks/pluggy',
      method,
      headers: { [header]: secret },
      ...(method === 'GET' ? {} : { body: goodBody }),
    });
  }
  return out;
}
