// The relay store contract, met by the SQLite store (one instance) and the Redis Streams store (many).
export interface NewDevice {
  deviceId: string;
  tokenHash: string;
  channelHash: string;
  label: string | undefined;
  createdAt: number;
}

export interface AppendInput {
  eventId: string;
  /**
   * What dedupes the event: the eventId for Pluggy's own (secret-header) deliveries; the eventId within one
   * device for a channel URL, so one device's URL can never pre-empt an event meant for another.
   */
  dedupeKey: string;
  event: string;
  known: boolean;
  payload: Record<string, unknown>;
  receivedAt: number;
  /** The devices this event is delivered to (may be empty: stored for dedupe only). */
  deviceIds: readonly string[];
}

export interface StoredEvent {
  cursor: string;
  eventId: string;
  event: string;
  known: boolean;
  receivedAt: number;
  payload: Record<string, unknown>;
}

export interface ReadResult {
  events: StoredEvent[];
  /** The position read from: `after` when given, else the device's acknowledged position. */
  from: string;
}

export interface RouteQuery {
  clientUserId: string | undefined;
  itemId: string | undefined;
  /** A connector event's connector id: it reaches the devices that have items at that connector. */
  connectorId?: string | undefined;
}

/**
 * A device registers its connectors beside its items, in the same set: item ids are UUIDs, so this prefix
 * never collides with one.
 */
export const connectorRoutingKey = (connectorId: string | number): string => `connector:${connectorId}`;
/** A connector key is shared interest; an item id belongs to one device. */
export const isConnectorRoutingKey = (key: string): boolean => key.startsWith('connector:');

export interface Retention {
  /** Milliseconds an acknowledged event stays after it was received. */
  ackedMs: number;
  /** Milliseconds any event (and its eventId, for dedupe) is kept. */
  maxAgeMs: number;
}

export type AppendListener = (deviceIds: readonly string[]) => void;

export interface RelayStore {
  readonly kind: 'sqlite' | 'redis';
  createDevice(device: NewDevice): Promise<void>;
  /** The device id owning this token hash, if any. */
  deviceByToken(tokenHash: string): Promise<string | undefined>;
  deviceByChannel(channelHash: string): Promise<string | undefined>;
  deleteDevice(deviceId: string): Promise<void>;
  /**
   * Replaces the device's items; an item another device registered stays that device's and is refused.
   * Connector keys (connectorRoutingKey) are interests, not ownership: any device may share one.
   */
  setDeviceItems(deviceId: string, itemIds: readonly string[]): Promise<{ refused: string[] }>;
  /**
   * Devices an event reaches: the device whose id is `clientUserId`, and those that registered `itemId` or
   * the connector (connectorRoutingKey).
   */
  routeEvent(query: RouteQuery): Promise<string[]>;
  /** Stores the event durably and queues it for its devices; false when the eventId was seen before. */
  append(input: AppendInput): Promise<boolean>;
  /**
   * Events of one device after `after` (or after its acknowledged position), oldest first. A cursor past
   * anything this store issued (a store restored from a backup) reads from the start.
   */
  read(deviceId: string, after: string | undefined, limit: number): Promise<ReadResult>;
  /** Marks the device's events up to `upTo` acknowledged; never moves backwards. */
  ack(deviceId: string, upTo: string): Promise<void>;
  isCursor(value: string): boolean;
  /** Drops acknowledged events past retention and every event past the max age. */
  prune(now: number, retention: Retention): Promise<void>;
  /** Called after an append reaches devices, whichever instance received it. */
  onAppend(listener: AppendListener): () => void;
  /**
   * Records `now` as the first sighting of each webhook-secret hash not seen before, and returns the
   * first sighting of every given hash (secret hash → epoch ms).
   */
  rememberSecrets(hashes: readonly string[], now: number): Promise<Map<string, number>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
