// `cofre relay` flags: each overrides its environment variable; the command registers on a commander program.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerRelayCommand, relayConfigFromOptions } from '../../src/cli/commands/relay';

describe('cofre relay', () => {
  it('lays flags over the environment', () => {
    const env = {
      RELAY_PORT: '9000',
      RELAY_SECRETS: 'env-secret-0123456789',
      REDIS_URL: 'redis://127.0.0.1:1',
    };
    const config = relayConfigFromOptions(
      { port: '0', secrets: 'flag-secret-0123456789,other-secret-0123456789', trustProxy: '1' },
      env,
    );
    expect(config.port).toBe(0);
    expect(config.secrets).toEqual(['flag-secret-0123456789', 'other-secret-0123456789']);
    expect(config.redisUrl).toBe('redis://127.0.0.1:1');
    expect(config.trustProxy).toBe(1);
  });

  it('offers a flag for every relay environment variable', () => {
    const program = new Command();
    registerRelayCommand(program);
    const relay = program.commands.find((c) => c.name() === 'relay');
    const flags = relay?.options.map((o) => o.long) ?? [];
    for (const flag of [
      '--port',
      '--host',
      '--secrets',
      '--secret-header',
      '--admin-token',
      '--data-dir',
      '--redis-url',
    ]) {
      expect(flags).toContain(flag);
    }
  });
});
