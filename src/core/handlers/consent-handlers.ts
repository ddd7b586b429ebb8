// Handlers of consents.*: the consent centre's view of each Open Finance link.
import { AppError } from '../../shared/errors';
import { consentView } from '../consents/consent-view';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router/router';
import { getConnection, listConnections } from '../store';

type ConsentHandlers = Pick<Handlers, 'consents.list'>;

export function consentHandlers(ctx: CoreContext): ConsentHandlers {
  return {
    'consents.list': ({ itemId }) => {
      const db = ctx.db();
      const now = ctx.clock.now();
      if (itemId !== undefined) {
        const connection = getConnection(db, itemId);
        if (!connection)
          throw new AppError('not_found', 'There is no connection with this item id.', {
            details: { itemId },
          });
        const view = consentView(db, connection, now);
        return view ? [view] : [];
      }
      return listConnections(db).flatMap((c) => consentView(db, c, now) ?? []);
    },
  };
}
