// What "Sincronizar tudo" started, and which links it left out because only a reconnect fixes them.
import { showToast } from '../../state/ui-state';

export function showSyncAllToast(result: { runIds: number[]; skipped: number }): void {
  showToast({
    level: result.skipped > 0 ? 'warning' : 'info',
    messageKey: result.skipped > 0 ? 'connections.syncStartedSkipped' : 'connections.syncStarted',
    params: { count: String(result.runIds.length), skipped: String(result.skipped) },
  });
}
