// The sandbox as the relay reliability tests drive it: Pluggy calls with an apiKey, and its webhook delivery log.

/** One Pluggy call; a non-2xx answer throws with its status and body (e.g. ITEM_ALREADY_UPDATING). */
export async function callPluggy(
  sandboxUrl: string,
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${sandboxUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export interface DeliveryAttempt {
  eventId: string;
  event: string;
  status: number | null;
  at: string;
}

/** Every webhook delivery attempt the sandbox made (its last 50,000). */
export async function deliveryAttempts(sandboxUrl: string): Promise<DeliveryAttempt[]> {
  const res = await fetch(`${sandboxUrl}/__sandbox/deliveries`);
  return ((await res.json()) as { attempts: DeliveryAttempt[] }).attempts;
}

/** Event ids Pluggy (the sandbox) heard a 2xx for, among events first sent at or after `since`. */
export function acknowledgedSince(attempts: readonly DeliveryAttempt[], since: string): Set<string> {
  const first = new Map<string, string>();
  for (const a of attempts) if (!first.has(a.eventId)) first.set(a.eventId, a.at);
  return new Set(
    attempts
      .filter((a) => a.status !== null && a.status < 300 && (first.get(a.eventId) ?? '') >= since)
      .map((a) => a.eventId),
  );
}
