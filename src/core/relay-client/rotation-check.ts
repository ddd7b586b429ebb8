// Asks the paired relay whether its webhook secret is due for rotation; when it is, one notice says so.
import { isAppError } from '../../shared/errors';
import type { CoreContext } from '../core-context';
import { noticeView } from '../notices/notice-view';
import { addNotice } from '../store';
import { getDeviceStatus, type RelayEndpoint } from './relay-api';

/** The relay checks its secrets' ages daily; asking a few times a day notices a due date within hours. */
export const ROTATION_CHECK_MS = 6 * 3_600_000;

export interface RotationCheck {
  /** Asks the relay now; resolves to whether a rotation is due (false when the relay cannot say). */
  check(endpoint: RelayEndpoint): Promise<boolean>;
  due(): boolean;
  reset(): void;
}

export function createRotationCheck(
  ctx: Pick<CoreContext, 'db' | 'events' | 'logger' | 'clock'>,
  onChange: () => void,
): RotationCheck {
  let due = false;
  return {
    async check(endpoint) {
      let next: boolean;
      try {
        next = (await getDeviceStatus(endpoint))?.secretRotationDue ?? false;
      } catch (error) {
        // Unreachable now: the relay client reports that; keep what was known and ask again later.
        ctx.logger.info({ code: isAppError(error) ? error.code : 'unknown' }, 'relay status not read');
        return due;
      }
      if (next === due) return due;
      due = next;
      if (due) {
        const added = addNotice(ctx.db(), {
          level: 'warning',
          kind: 'relay_rotation_due',
          messageKey: 'notices.relay_rotation_due',
          dedupeKey: 'relay:rotation_due',
          at: new Date(ctx.clock.now()).toISOString(),
        });
        if (added.created) ctx.events.emit('notices.new', noticeView(added.notice));
      }
      onChange();
      return due;
    },
    due: () => due,
    reset() {
      due = false;
    },
  };
}
