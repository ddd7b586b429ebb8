// Where Cofre keeps its files: the OS's app-data folder by default, and the layout inside it.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DataPaths {
  root: string;
  database: string;
  keyFile: string;
  secretsFile: string;
  settingsFile: string;
  logsDir: string;
  sandboxDir: string;
}

/** The per-OS default: XDG data home on Linux, Application Support on macOS, %APPDATA% on Windows. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['COFRE_DATA_DIR']) return resolve(env['COFRE_DATA_DIR']);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Cofre');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Cofre');
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'cofre');
}

export function dataPaths(root: string): DataPaths {
  const abs = resolve(root);
  return {
    root: abs,
    database: join(abs, 'cofre.db'),
    keyFile: join(abs, 'db.key'),
    secretsFile: join(abs, 'secrets.json'),
    settingsFile: join(abs, 'settings.json'),
    logsDir: join(abs, 'logs'),
    sandboxDir: join(abs, 'sandbox'),
  };
}

/** Creates the data dir (owner-only) and its log folder; returns the layout. */
export function ensureDataDir(root: string): DataPaths {
  const paths = dataPaths(root);
  mkdirSync(paths.root, { recursive: true, mode: 0o700 });
  mkdirSync(paths.logsDir, { recursive: true, mode: 0o700 });
  return paths;
}

/** Demo data lives apart from real data, so trying the app never mixes with a real bank's rows. */
export function databaseFile(root: string, mode: 'demo' | 'live'): string {
  return mode === 'demo' ? join(root, 'demo', 'cofre.db') : join(root, 'cofre.db');
}
