// The pino logger: JSON lines, with every known secret name redacted at any depth up to four levels.
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino, type Logger, type DestinationStream } from 'pino';
import { SECRET_KEYS, JWT_PATTERN } from './secret-keys';

export type { Logger };

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SECRET_KEYS) {
    const prop = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const join = (prefix: string) => (prop.startsWith('[') ? `${prefix}${prop}` : `${prefix}.${prop}`);
    paths.push(prop.startsWith('[') ? prop.slice(2, -2) : prop);
    paths.push(join('*'), join('*.*'), join('*.*.*'));
  }
  return paths;
}

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
  /** Append JSON lines to this file (created owner-only) instead of stderr. */
  file?: string;
}

/** Builds the app logger. Messages are also scrubbed of JWT-looking strings (apiKeys, connect tokens). */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env['COFRE_LOG_LEVEL'] ?? 'info',
      redact: { paths: redactPaths(), censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? a.replace(JWT_PATTERN, '[jwt]') : a));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination ??
      (options.file
        ? pino.destination({ dest: openLogFile(options.file), sync: false })
        : pino.destination({ dest: 2, sync: false })),
  );
}

/**
 * Opened here, synchronously: a stream still opening its file when the process exits throws "sonic boom is
 * not ready yet" from pino's exit flush, with a stack trace under the app's own error.
 */
function openLogFile(file: string): number {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return openSync(file, 'a', 0o600);
}

/** A logger that writes nowhere, for tests and quiet CLI commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
