// Preload of the passphrase prompt: exposes only submit(text) and cancel(); no ipcRenderer leaks.
import { contextBridge, ipcRenderer } from 'electron';
import { PASSPHRASE_CHANNEL } from '../main/passphrase-page';

contextBridge.exposeInMainWorld('cofrePrompt', {
  submit(passphrase: unknown) {
    if (typeof passphrase === 'string' && passphrase.length > 0 && passphrase.length <= 1024) {
      ipcRenderer.send(PASSPHRASE_CHANNEL, passphrase);
    }
  },
  cancel() {
    ipcRenderer.send(PASSPHRASE_CHANNEL, null);
  },
});
