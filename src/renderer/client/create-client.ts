// The typed client over window.cofre: inputs and outputs typed by the contract; an error result throws AppError.
import type { CofreBridge } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type {
  RendererChannel,
  RendererEvent,
  RendererEventPayload,
  RendererInput,
  RendererOutput,
} from './channels';

export interface CofreClient {
  invoke<C extends RendererChannel>(channel: C, input: RendererInput<C>): Promise<RendererOutput<C>>;
  on<E extends RendererEvent>(event: E, listener: (payload: RendererEventPayload<E>) => void): () => void;
}

export function createClient(bridge: CofreBridge): CofreClient {
  return {
    async invoke(channel, input) {
      const result = await bridge.invoke(channel, input);
      if (!result.ok) throw AppError.fromData(result.error);
      return result.value as RendererOutput<typeof channel>;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as RendererEventPayload<typeof event>));
    },
  };
}

/** The page's client; a page opened without a bridge gets one that explains itself on every call. */
export function clientFromWindow(): CofreClient {
  const bridge = window.cofre;
  if (bridge) return createClient(bridge);
  return createClient({
    invoke: async () => ({
      ok: false,
      error: {
        code: 'unavailable',
        messageKey: 'errors.no_bridge',
        message: 'This page was opened outside Cofre.',
      },
    }),
    on: () => () => undefined,
  });
}
