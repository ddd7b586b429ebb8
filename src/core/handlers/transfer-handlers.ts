// Handlers of transfers.* and accounts.chooseDuplicate: the person's word over what detection found.
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit/append';
import type { CoreContext } from '../core-context';
import type { Handlers } from '../router/router';
import { listAccountDuplicates, undoOwnMove, writeDuplicateChoice } from '../store';
import { detectOwnMoves } from '../transfers/detect-own-moves';

type TransferHandlers = Pick<Handlers, 'transfers.undo' | 'accounts.chooseDuplicate'>;

export function transferHandlers(ctx: CoreContext): TransferHandlers {
  const now = () => new Date(ctx.clock.now()).toISOString();
  return {
    'transfers.undo': ({ id }) => {
      const db = ctx.db();
      const at = now();
      return db.transaction(() => {
        const move = undoOwnMove(db, id, at);
        const transactionIds =
          move.otherTransactionId === null ? [id] : [move.transactionId, move.otherTransactionId];
        appendAudit(db, {
          actor: 'user',
          action: 'transactions.own_move.undone',
          outcome: 'success',
          at,
          details: { kind: move.kind, transactionIds, billId: move.billId },
        });
        return { kind: move.kind, transactionIds };
      })();
    },
    'accounts.chooseDuplicate': ({ accountId, choice }) => {
      const db = ctx.db();
      const at = now();
      return db.transaction(() => {
        const group = listAccountDuplicates(db).get(accountId);
        if (!group)
          throw new AppError('not_found', 'This account is not listed under another link.', {
            details: { accountId },
          });
        const keptAccountId = choice === 'keep' ? accountId : null;
        writeDuplicateChoice(db, group.key, keptAccountId, at);
        // The groups follow the choice at once, not at the next sync.
        detectOwnMoves(db, { runId: null, at });
        appendAudit(db, {
          actor: 'user',
          action: 'accounts.duplicate.chosen',
          outcome: 'success',
          at,
          details: { accountId, choice },
        });
        return { keptAccountId };
      })();
    },
  };
}
