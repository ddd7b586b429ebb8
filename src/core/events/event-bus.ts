// Typed push events from the core to whoever hosts it (Electron window, browser host, CLI).
import { events, type EventName, type EventPayload } from '../../shared/contract';

export type AnyEventListener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Every event, for forwarding across a process boundary. */
  onAny(listener: AnyEventListener): () => void;
}

export function createEventBus(): EventBus {
  const anyListeners = new Set<AnyEventListener>();
  return {
    emit(name, payload) {
      // Parse before sending: the renderer must only ever see payloads the contract promises.
      const parsed: unknown = events[name].parse(payload);
      for (const listener of [...anyListeners]) listener(name, parsed);
    },
    on(name, listener) {
      const wrapped: AnyEventListener = (n, p) => {
        if (n === name) listener(p as EventPayload<typeof name>);
      };
      anyListeners.add(wrapped);
      return () => anyListeners.delete(wrapped);
    },
    onAny(listener) {
      anyListeners.add(listener);
      return () => anyListeners.delete(listener);
    },
  };
}
