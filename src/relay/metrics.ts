// Prometheus metrics of one relay instance (own registry, so several relays can live in one process).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type RejectReason = 'unauthorized' | 'malformed' | 'too_large' | 'rate_limited' | 'store_failed';

export interface RelayMetrics {
  registry: Registry;
  received: Counter<'known'>;
  duplicates: Counter;
  unrouted: Counter;
  rejected: Counter<'reason'>;
  delivered: Counter<'transport'>;
  lag: Histogram;
  storeSeconds: Histogram;
  streams: Gauge;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): RelayMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'relay_' });
  const registers = [registry];
  return {
    registry,
    received: new Counter({
      name: 'relay_webhooks_received_total',
      help: 'Webhooks accepted and stored (known="false": an event type this relay does not know)',
      labelNames: ['known'],
      registers,
    }),
    duplicates: new Counter({
      name: 'relay_webhooks_duplicate_total',
      help: 'Webhooks answered 2xx but not stored again: eventId already seen',
      registers,
    }),
    unrouted: new Counter({
      name: 'relay_webhooks_unrouted_total',
      help: 'Stored webhooks no registered device matched (by channel, clientUserId or itemId)',
      registers,
    }),
    rejected: new Counter({
      name: 'relay_webhooks_rejected_total',
      help: 'Webhooks refused, by reason',
      labelNames: ['reason'],
      registers,
    }),
    delivered: new Counter({
      name: 'relay_events_delivered_total',
      help: 'Events sent to devices, by transport (sse or poll)',
      labelNames: ['transport'],
      registers,
    }),
    lag: new Histogram({
      name: 'relay_delivery_lag_seconds',
      help: 'Time from receiving a webhook to sending it to a device',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5, 30, 300, 3600],
      registers,
    }),
    storeSeconds: new Histogram({
      name: 'relay_webhook_store_seconds',
      help: 'Time to store a webhook durably before answering',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1],
      registers,
    }),
    streams: new Gauge({
      name: 'relay_sse_connections',
      help: 'Open SSE streams on this instance',
      registers,
    }),
  };
}
