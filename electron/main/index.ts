// Electron main entry: one instance, the app:// scheme registered before 'ready', then the shell.
import { app, dialog, protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './renderer-protocol';
import { runShell, shellPaths } from './shell';

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // The first instance gets our argv (a cofre:// URL, perhaps) through 'second-instance'.
  app.quit();
} else {
  runShell(shellPaths(import.meta.dirname, app.isPackaged, process.resourcesPath)).catch((error: unknown) => {
    dialog.showErrorBox(
      'Cofre',
      `Cofre could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    app.exit(1);
  });
}
