// Every call the renderer may make: the contract's registered calls plus the declared call groups
// (connections, money, records, settings), typed even before the core registers their handlers.
import type { z } from 'zod';
import type {
  Calls,
  connectionCalls,
  EventName,
  Events,
  moneyCalls,
  recordCalls,
  settingsCalls,
} from '../../shared/contract';

export type RendererCalls = Calls &
  typeof connectionCalls &
  typeof moneyCalls &
  typeof recordCalls &
  typeof settingsCalls;
export type RendererChannel = keyof RendererCalls;
export type RendererInput<C extends RendererChannel> = z.input<RendererCalls[C]['input']>;
export type RendererOutput<C extends RendererChannel> = z.output<RendererCalls[C]['output']>;
export type RendererEvent = EventName;
export type RendererEventPayload<E extends RendererEvent> = z.output<Events[E]>;
