// Handlers of relay.*: pair this device with a relay, unpair, and the link's status.
import type { RelayStatusView } from '../../shared/contract';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router/router';
import { notConfigured } from '../core-context';

type RelayHandlers = Pick<Handlers, 'relay.pair' | 'relay.unpair' | 'relay.status'>;

const UNPAIRED: RelayStatusView = {
  state: 'unpaired',
  url: null,
  lastEventAt: null,
  lastError: null,
  rotationDue: false,
};

export function relayHandlers(ctx: CoreContext): RelayHandlers {
  const link = () => {
    const relay = ctx.relay();
    if (!relay) {
      ctx.db();
      throw notConfigured();
    }
    return relay;
  };
  return {
    'relay.pair': ({ url, adminToken }) => link().pair(url, adminToken),
    'relay.unpair': () => link().unpair(),
    'relay.status': () => ctx.relay()?.status() ?? UNPAIRED,
  };
}
