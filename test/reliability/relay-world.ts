// A relay for the reliability tests: in-process for hostile input, or a child process to SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRelayConfig, startRelay, type RunningRelay } from '../../src/relay';
import { DeviceRegistration, EventsPage } from '../../src/shared/relay/wire';

export const RELAY_SECRET = 'reliability-secret-7f3a9c1e5b';
export const RELAY_ADMIN = 'reliability-admin-0c4e8a2f6d';
export const SECRET_HEADER = 'x-cofre-secret';

const CHILD = fileURLToPath(new URL('./workers/relay-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function relayDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cofre-rel-relay-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startInProcessRelay(dataDir: string): Promise<RunningRelay> {
  return startRelay({
    config: parseRelayConfig({
      port: 0,
      host: '127.0.0.1',
      secrets: [RELAY_SECRET],
      adminToken: RELAY_ADMIN,
      dataDir,
      logLevel: 'silent',
      rateLimitHooks: 1_000_000,
      rateLimitIp: 1_000_000,
      rateLimitDevice: 1_000_000,
    }),
  });
}

/** A free loopback port, so a restarted relay comes back at the URL Pluggy (the sandbox) delivers to. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RelayChild {
  child: ChildProcess;
  url: string;
  /** Everything the relay logged (stdout and stderr), for the secrets scan. */
  output(): string;
  kill9(): Promise<void>;
}

/** The relay as deployed (env config, SQLite store), with its clock moved forward by `offsetMs`. */
export function spawnRelay(
  dataDir: string,
  port: number,
  offsetMs = 0,
  /** Run as this user (e.g. nobody), for file permissions root would ignore. */
  user?: { uid: number; gid: number },
): Promise<RelayChild> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RELAY_PORT: String(port),
    RELAY_HOST: '127.0.0.1',
    RELAY_SECRETS: RELAY_SECRET,
    RELAY_ADMIN_TOKEN: RELAY_ADMIN,
    RELAY_DATA_DIR: dataDir,
    RELAY_LOG_LEVEL: 'debug',
    RELAY_RATE_LIMIT_HOOKS: '1000000',
    RELAY_RATE_LIMIT_IP: '1000000',
    RELAY_RATE_LIMIT_DEVICE: '1000000',
    RELAY_CLOCK_OFFSET_MS: String(offsetMs),
    REDIS_URL: '',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${out}`)), 30_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${out}`));
    };
    const collect = (d: Buffer) => {
      out += d.toString();
      const match = /relay listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        child.off('exit', onExit);
        const url = match[1];
        resolve({
          child,
          url,
          output: () => out,
          kill9: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGKILL');
            }),
        });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', onExit);
  });
}

export async function registerDevice(url: string): Promise<DeviceRegistration> {
  const res = await fetch(`${url}/v1/devices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${RELAY_ADMIN}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  return DeviceRegistration.parse(await res.json());
}

export async function pollEvents(
  url: string,
  token: string,
  after?: string,
  limit = 500,
): Promise<EventsPage> {
  const qs = new URLSearchParams({ wait: '0', limit: String(limit), ...(after ? { after } : {}) });
  const res = await fetch(`${url}/v1/events?${qs}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`poll failed: ${res.status} ${await res.text()}`);
  return EventsPage.parse(await res.json());
}
