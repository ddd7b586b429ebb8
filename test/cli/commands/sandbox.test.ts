// `cofre sandbox` flags: good flags become sandbox options; bad ones fail with a one-line reason.
import { describe, expect, it } from 'vitest';
import { sandboxOptionsFromFlags } from '../../../src/cli/commands/sandbox';

describe('cofre sandbox flags', () => {
  it('turns flags into options', () => {
    const options = sandboxOptionsFromFlags({
      port: '4010',
      seed: 's1',
      admin: true,
      executionMs: '500',
      clientId: 'id',
      clientSecret: 'secret',
      faults: '{"error5xxRate":0.2}',
      dataDir: '/tmp/x',
    });
    expect(options).toMatchObject({
      port: 4010,
      seed: 's1',
      admin: true,
      executionMs: 500,
      clientId: 'id',
      clientSecret: 'secret',
      dataDir: '/tmp/x',
      faults: { error5xxRate: 0.2 },
    });
  });

  it.each([
    [{ port: 'abc', seed: 's' }, /--port/],
    [{ port: '70000', seed: 's' }, /--port/],
    [{ port: '0', seed: 's', executionMs: '-1' }, /--execution-ms/],
    [{ port: '0', seed: 's', clientId: 'only-id' }, /go together/],
    [{ port: '0', seed: 's', faults: '{nope' }, /--faults must be JSON/],
    [{ port: '0', seed: 's', faults: '{"error5xxRate":2}' }, /--faults: error5xxRate/],
  ])('refuses %j', (flags, reason) => {
    expect(() => sandboxOptionsFromFlags(flags)).toThrow(reason);
  });
});
