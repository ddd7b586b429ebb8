// For callers outside a page (the CLI, tests) that create items themselves: the raw connect token.
import type { Core } from '../core';
import type { CallOutput } from '../shared/contract';

/** A frame session is redeemed here (once), and its token read from the Connect page URL it points to. */
export function connectTokenOf(core: Core, answer: CallOutput<'connections.connectToken'>): string {
  if (answer.kind === 'widget') return answer.accessToken;
  const id = answer.frameUrl.split('/').pop() ?? '';
  const target = core.openConnectFrame(id);
  const token = target ? new URL(target).searchParams.get('connectToken') : null;
  if (!token) throw new Error('the Connect session expired before it was used');
  return token;
}
