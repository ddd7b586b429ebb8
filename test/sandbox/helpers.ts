// Test helpers: start a sandbox on port 0 and call it over real HTTP, parsing every answer with the shared schemas.
import type { z } from 'zod';
import { AuthResponse, ErrorBody, Item } from '../../src/shared/pluggy';
import { startSandbox, type RunningSandbox, type SandboxStartOptions } from '../../src/sandbox';

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  key?: string;
  contentType?: string;
}

export class SandboxClient {
  apiKey = '';
  constructor(readonly sandbox: RunningSandbox) {}

  get url(): string {
    return this.sandbox.url;
  }

  async raw(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    const key = options.key ?? this.apiKey;
    if (key) headers['x-api-key'] = key;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    return fetch(path.startsWith('http') ? path : `${this.url}${path}`, { method, headers, body });
  }

  /** A 2xx parsed with `schema`; anything else fails the test with the error body. */
  async ok<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Reply<z.infer<S>>> {
    const response = await this.raw(method, path, options);
    const json: unknown = await response.json();
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    }
    return { status: response.status, headers: response.headers, body: schema.parse(json) };
  }

  /** A non-2xx answer, its body parsed with ErrorBody. */
  async fail(method: string, path: string, options: CallOptions = {}): Promise<Reply<ErrorBody>> {
    const response = await this.raw(method, path, options);
    const json: unknown = await response.json();
    if (response.status < 400) throw new Error(`${method} ${path} unexpectedly answered ${response.status}`);
    return { status: response.status, headers: response.headers, body: ErrorBody.parse(json) };
  }

  async login(): Promise<string> {
    const reply = await this.ok(AuthResponse, 'POST', '/auth', {
      body: { clientId: this.sandbox.clientId, clientSecret: this.sandbox.clientSecret },
    });
    this.apiKey = reply.body.apiKey;
    return this.apiKey;
  }

  async createItem(
    parameters: Record<string, string>,
    connectorId = 0,
    extra: Record<string, unknown> = {},
  ): Promise<Item> {
    return (await this.ok(Item, 'POST', '/items', { body: { connectorId, parameters, ...extra } })).body;
  }

  async item(id: string): Promise<Item> {
    return (await this.ok(Item, 'GET', `/items/${id}`)).body;
  }

  /** Polls until the item leaves UPDATING/MERGING (or reaches `until`), returning every status seen. */
  async waitItem(
    id: string,
    until: (item: Item) => boolean = (i) => i.status !== 'UPDATING' && i.status !== 'MERGING',
    timeoutMs = 10_000,
  ) {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const item = await this.item(id);
      const mark = `${item.status}/${item.executionStatus}`;
      if (seen.at(-1) !== mark) seen.push(mark);
      if (until(item)) return { item, seen };
      if (Date.now() > deadline) throw new Error(`item ${id} still ${mark}; seen ${seen.join(' → ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

export async function startClient(options: SandboxStartOptions = {}): Promise<SandboxClient> {
  const sandbox = await startSandbox({ admin: true, executionMs: 40, faultsFromEnv: false, ...options });
  const client = new SandboxClient(sandbox);
  await client.login();
  return client;
}

export const OK = { user: 'user-ok', password: 'password-ok' };
