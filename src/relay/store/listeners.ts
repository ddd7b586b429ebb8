// The append listeners of one store: the long-polls and SSE streams waiting for their device.
import type { AppendListener } from './types';

export class Listeners {
  private readonly listeners = new Set<AppendListener>();

  add(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(deviceIds: readonly string[]): void {
    for (const listener of this.listeners) listener(deviceIds);
  }
}
