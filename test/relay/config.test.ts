// Relay configuration from the environment: defaults, lists, and errors that name the variable, not the value.
import { describe, expect, it } from 'vitest';
import { loadRelayConfig } from '../../src/relay';
import { AppError } from '../../src/shared/errors';

describe('relay configuration', () => {
  it('uses the documented defaults', () => {
    const config = loadRelayConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      secrets: [],
      secretHeader: 'x-cofre-secret',
      trustProxy: false,
      retentionHours: 24,
      maxAgeDays: 7,
    });
    expect(config.redisUrl).toBeUndefined();
    expect(config.adminToken).toBeUndefined();
  });

  it('reads comma-separated secrets, a lower-cased header, trust-proxy forms and Redis', () => {
    const config = loadRelayConfig({
      RELAY_PORT: '9000',
      RELAY_SECRETS: ' first-secret-0123456789 , second-secret-0123456789,',
      RELAY_SECRET_HEADER: 'X-Webhook-Key',
      RELAY_TRUST_PROXY: '10.0.0.1, 10.0.0.0/8',
      REDIS_URL: 'rediss://default:pw@example.upstash.io:6379',
      RELAY_PUBLIC_URL: 'https://relay.example.com/',
      RELAY_ADMIN_TOKEN: '',
    });
    expect(config.port).toBe(9000);
    expect(config.secrets).toEqual(['first-secret-0123456789', 'second-secret-0123456789']);
    expect(config.secretHeader).toBe('x-webhook-key');
    expect(config.trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(config.redisUrl).toBe('rediss://default:pw@example.upstash.io:6379');
    expect(config.publicUrl).toBe('https://relay.example.com');
    expect(config.adminToken).toBeUndefined();
    expect(loadRelayConfig({ RELAY_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadRelayConfig({ RELAY_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('refuses a short secret naming the variable but never echoing the value', () => {
    let caught: unknown;
    try {
      loadRelayConfig({ RELAY_SECRETS: 'short-secret', RELAY_PORT: 'eighty' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const message = (caught as AppError).message;
    expect(message).toContain('RELAY_SECRETS');
    expect(message).toContain('RELAY_PORT');
    expect(message).not.toContain('short-secret');
  });
});
