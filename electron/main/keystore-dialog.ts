// The dialog that explains a key store problem and offers its recovery options.
import type { MessageBoxOptions } from 'electron';
import type { KeystoreProblem } from './safe-storage-key-store';
import { recoveryChoices, type RecoveryAction } from './keystore-setup';
import type { ShellText } from './shell-text';

const LABEL: Record<RecoveryAction, (t: ShellText) => string> = {
  retry: (t) => t.tryAgain,
  use_passphrase: (t) => t.usePassphrase,
  start_over: (t) => t.startOver,
  open_folder: (t) => t.openFolder,
  quit: (t) => t.quit,
};

const MESSAGE: Record<KeystoreProblem, (t: ShellText) => string> = {
  no_os_keystore: (t) => t.noOsKeystore,
  keystore_changed: (t) => t.keystoreChanged,
  key_missing: (t) => t.keyMissing,
};

export function recoveryDialog(problem: KeystoreProblem, text: ShellText, dataDir: string) {
  const actions = recoveryChoices(problem);
  const options: MessageBoxOptions = {
    type: 'warning',
    title: text.keystoreTitle,
    message: text.keystoreTitle,
    detail: `${MESSAGE[problem](text)}\n\n${dataDir}`,
    buttons: actions.map((a) => LABEL[a](text)),
    defaultId: 0,
    cancelId: actions.indexOf('quit'),
    noLink: true,
  };
  return { options, actionAt: (index: number): RecoveryAction => actions[index] ?? 'quit' };
}
