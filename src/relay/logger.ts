// The relay's own pino logger: redacts the headers and fields that carry secrets, and hides channel ids in URLs.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Names that hold a secret wherever they appear in a log record. */
const SECRET_FIELDS = [
  'authorization',
  'token',
  'adminToken',
  'deviceToken',
  'secret',
  'secrets',
  'channel',
  'channelUrl',
  'redisUrl',
  'x-cofre-secret',
];

function redactPaths(extraHeaders: string[]): string[] {
  const paths = new Set<string>();
  for (const name of [...SECRET_FIELDS, ...extraHeaders]) {
    const prop = /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `["${name}"]`;
    paths.add(prop.startsWith('.') ? name : prop);
    for (const prefix of ['*', '*.*', 'req.headers', 'headers']) paths.add(`${prefix}${prop}`);
  }
  return [...paths];
}

/** `/hooks/pluggy/<channel>` → `/hooks/pluggy/[channel]`: the channel id is a capability. */
export function maskUrl(url: string): string {
  return url.replace(/^\/hooks\/pluggy\/[^/?#]+/, '/hooks/pluggy/[channel]');
}

export interface RelayLoggerOptions {
  level?: string;
  /** The configured webhook secret header, redacted like the default one. */
  secretHeader?: string;
  destination?: DestinationStream;
}

export function createRelayLogger(options: RelayLoggerOptions = {}): Logger {
  const headers = options.secretHeader ? [options.secretHeader.toLowerCase()] : [];
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'cofre-relay' },
      redact: { paths: redactPaths(headers), censor: '[redacted]' },
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string }) => ({
          method: req.method,
          url: maskUrl(req.url ?? ''),
          ip: req.ip,
        }),
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
