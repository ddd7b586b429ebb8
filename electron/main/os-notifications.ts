// Core notices (`notices.new`) become OS notifications, when the user has them on in Settings.
import type { Core } from '../../src/core';
import { Settings, type NoticeView } from '../../src/shared/contract';
import type { ShellText } from './shell-text';

export interface OsNotificationDeps {
  supported: () => boolean;
  /** Shows one notification; `onClick` brings the window forward. */
  show: (notification: { title: string; body: string }, onClick: () => void) => void;
  /** The core's Settings switch, read per notice so a change applies at once. */
  enabled: () => Promise<boolean>;
  focusWindow: () => void;
  text: ShellText;
  onError: (error: unknown) => void;
}

/** The notification body: bank names and counts only, never an amount, an account or a secret. */
export function noticeBody(notice: NoticeView, text: ShellText): string {
  const bank = notice.params['bank'];
  if (notice.kind === 'action_needed' && bank) return text.noticeActionNeeded(bank);
  if (notice.kind === 'repeated_failures' && bank) {
    return text.noticeRepeatedFailures(bank, notice.params['failures'] ?? '3');
  }
  return text.noticeGeneric;
}

export function showNoticesAsOsNotifications(
  core: Pick<Core, 'events'>,
  deps: OsNotificationDeps,
): () => void {
  return core.events.on('notices.new', (notice) => {
    if (!deps.supported()) return;
    void deps
      .enabled()
      .then((on) => {
        if (on)
          deps.show({ title: deps.text.noticeTitle, body: noticeBody(notice, deps.text) }, deps.focusWindow);
      })
      .catch(deps.onError);
  });
}

/** Reads the core's `notifications` setting through its own router, as the renderer would. */
export function notificationsSetting(core: Pick<Core, 'handle'>): () => Promise<boolean> {
  return async () => {
    const result = await core.handle('settings.get', {});
    if (!result.ok) return true; // the settings file has a problem: the default (on) applies
    return Settings.parse(result.value).notifications;
  };
}
