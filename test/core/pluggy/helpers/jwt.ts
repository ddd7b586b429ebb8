// Unsigned JWT-shaped tokens with chosen `iat`/`exp`, for stub servers that play Pluggy's /auth.
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('signature-of-test').toString('base64url')}`;
}
