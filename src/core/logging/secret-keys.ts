// The names under which secrets travel; the logger and the audit redactor both hide values stored under them.
export const SECRET_KEYS = [
  'clientSecret',
  'client_secret',
  'apiKey',
  'api_key',
  'x-api-key',
  'accessToken',
  'access_token',
  'connectToken',
  'connect_token',
  'refreshToken',
  'token',
  'deviceToken',
  'adminToken',
  'password',
  'passphrase',
  'secret',
  'secrets',
  'webhookSecret',
  'dbKey',
  'key',
  'authorization',
  'cookie',
  'set-cookie',
  'x-cofre-secret',
  'parameters',
] as const;

const lowered = new Set<string>(SECRET_KEYS.map((k) => k.toLowerCase()));

/** True when a property with this name holds a secret, whatever its casing. */
export function isSecretKey(name: string): boolean {
  return lowered.has(name.toLowerCase());
}

/** A JWT (three base64url parts, the first a JSON header) anywhere in a string. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
