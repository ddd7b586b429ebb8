// The relay's device API over HTTP: register, set items, long-poll, acknowledge (schemas from src/shared/relay).
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { DeviceRegistration, DeviceStatus, EventsPage } from '../../shared/relay/wire';

export interface RelayEndpoint {
  url: string;
  token: string;
}

function base(url: string): string {
  return url.replace(/\/+$/, '');
}

async function request<T>(
  what: string,
  url: string,
  init: RequestInit & { timeoutMs?: number },
  schema: z.ZodType<T> | null,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      signal: init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new AppError('relay_unreachable', `The relay did not answer (${what}).`, { cause: error });
  }
  if (response.status === 401 || response.status === 403) {
    throw new AppError('relay_unauthorized', `The relay refused this device (${what}).`);
  }
  if (!response.ok) {
    throw new AppError('relay_unreachable', `The relay answered HTTP ${response.status} (${what}).`, {
      details: { status: response.status },
    });
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success)
    throw new AppError('relay_unreachable', `The relay's answer to ${what} is not what Cofre expects.`);
  return parsed.data;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export function registerDevice(url: string, adminToken: string, label: string): Promise<DeviceRegistration> {
  return request(
    'register',
    `${base(url)}/v1/devices`,
    {
      method: 'POST',
      headers: { ...auth(adminToken), 'content-type': 'application/json' },
      body: JSON.stringify({ label }),
    },
    DeviceRegistration,
  );
}

export function setDeviceItems(
  relay: RelayEndpoint,
  itemIds: string[],
  connectorIds: number[] = [],
): Promise<void> {
  return request(
    'set items',
    `${base(relay.url)}/v1/devices/me/items`,
    {
      method: 'PUT',
      headers: { ...auth(relay.token), 'content-type': 'application/json' },
      body: JSON.stringify({ itemIds, connectorIds }),
    },
    null,
  );
}

export function pollEvents(
  relay: RelayEndpoint,
  after: string | null,
  waitSeconds: number,
  signal?: AbortSignal,
): Promise<EventsPage> {
  const query = new URLSearchParams({ wait: String(waitSeconds), ...(after ? { after } : {}) });
  return request(
    'poll',
    `${base(relay.url)}/v1/events?${query.toString()}`,
    { headers: auth(relay.token), timeoutMs: (waitSeconds + 10) * 1000, ...(signal ? { signal } : {}) },
    EventsPage,
  );
}

/** Opens the SSE stream from `after`; the caller reads the body. */
export async function openEventStream(
  relay: RelayEndpoint,
  after: string | null,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  let response: Response;
  try {
    response = await fetch(`${base(relay.url)}/v1/events/stream`, {
      headers: {
        ...auth(relay.token),
        accept: 'text/event-stream',
        ...(after ? { 'last-event-id': after } : {}),
      },
      signal,
    });
  } catch (error) {
    throw new AppError('relay_unreachable', 'The relay did not answer (stream).', { cause: error });
  }
  if (response.status === 401 || response.status === 403)
    throw new AppError('relay_unauthorized', 'The relay refused this device.');
  if (!response.ok || !response.body)
    throw new AppError('relay_unreachable', `The relay answered HTTP ${response.status} (stream).`);
  return response.body;
}

/** What the relay tells this device about itself (whether its operator should rotate the webhook secret). */
export async function getDeviceStatus(relay: RelayEndpoint): Promise<DeviceStatus | null> {
  try {
    return await request(
      'status',
      `${base(relay.url)}/v1/devices/me/status`,
      { headers: auth(relay.token) },
      DeviceStatus,
    );
  } catch (error) {
    // A relay older than this route says nothing about rotation: that is not a failure of the link.
    if (error instanceof AppError && error.details?.['status'] === 404) return null;
    throw error;
  }
}
