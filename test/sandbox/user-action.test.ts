// WAITING_USER_ACTION as Pluggy sends it: userAction with instructions and no `type`, and the item read by Cofre.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Item } from '../../src/shared/pluggy';
import { createSpecValidator } from './conformance/spec-validator';
import { startClient, type SandboxClient } from './helpers';

let c: SandboxClient;
beforeAll(async () => {
  c = await startClient({ executionMs: 400, seed: 'user-action' });
});
afterAll(async () => c.sandbox.close());

describe('an item waiting for the user to approve in the bank’s app', () => {
  it('shows userAction without type, conforms to the spec, and is read by Cofre; then it finishes', async () => {
    const created = await c.createItem({ user: 'user-ok-app-approval', password: 'password-ok' });
    const { item } = await c.waitItem(created.id, (i) => i.status === 'WAITING_USER_ACTION');
    expect(item.executionStatus).toBe('WAITING_USER_ACTION');
    expect(item.userAction?.instructions).toMatch(/app do banco/);
    expect(item.userAction?.type).toBeUndefined();

    const raw: unknown = await (await c.raw('GET', `/items/${created.id}`)).json();
    const body = z.object({ userAction: z.record(z.string(), z.unknown()) }).parse(raw);
    expect(Object.keys(body.userAction).sort()).toEqual(['expiresAt', 'instructions']);
    expect(createSpecValidator().check('GET', '/items/{id}', 200, raw)).toEqual([]);
    expect(Item.safeParse(raw).success).toBe(true);

    const done = await c.waitItem(created.id, (i) => i.status === 'UPDATED');
    expect(done.item.userAction ?? null).toBeNull();
  });
});
