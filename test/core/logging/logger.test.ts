import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjbGllbnRJZCI6ImFiYyIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('the logger', () => {
  it('redacts every known secret name at any of the first levels', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        clientSecret: 'cs-1',
        apiKey: 'ak-2',
        request: { headers: { 'x-api-key': 'ak-3', authorization: 'Bearer tk-4' } },
        item: { parameters: { password: 'pw-5' } },
        nested: { deeper: { accessToken: 'at-6' } },
      },
      'calling Pluggy',
    );
    const out = lines.join('');
    for (const secret of ['cs-1', 'ak-2', 'ak-3', 'tk-4', 'pw-5', 'at-6']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('scrubs JWT-looking strings from messages', () => {
    const { lines, logger } = capture();
    logger.warn(`token was ${JWT}`);
    expect(lines.join('')).not.toContain(JWT);
    expect(lines.join('')).toContain('[jwt]');
  });
});
