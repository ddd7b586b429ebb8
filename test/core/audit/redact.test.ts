import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendAudit, pageAudit, redactDetails } from '../../../src/core/audit';
import { openDatabase } from '../../../src/core/store';
import { tempDb } from '../store/temp-db';
import { plainConnection } from './plain-connection';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('audit redaction', () => {
  it('stores a details object with a client secret, a JWT and a CPF redacted', () => {
    const t = tempDb();
    const db = openDatabase({ file: t.file, key: t.key });
    try {
      appendAudit(db, {
        actor: 'user',
        action: 'open_finance.credentials.saved',
        outcome: 'success',
        details: {
          clientId: 'client-123',
          clientSecret: 'super-secret-value-1',
          note: `got apiKey ${JWT} from /auth`,
          owner: { name: 'Maria', cpf: '123.456.789-09', document: '12345678909' },
          company: 'CNPJ 12.345.678/0001-90',
          account: { number: '0012345-6', branchNumber: '0001' },
          nested: [{ connectToken: JWT }, { password: 'hunter2' }],
        },
      });
      const raw = plainConnection(t.file, t.key);
      const stored = raw.prepare('SELECT details FROM audit_log').pluck().get() as string;
      raw.close();
      for (const secret of [
        'super-secret-value-1',
        JWT,
        '123.456.789-09',
        '12345678909',
        '12.345.678/0001-90',
        '0012345-6',
        'hunter2',
      ]) {
        expect(stored).not.toContain(secret);
      }
      const details = pageAudit(db).rows[0]!.details;
      expect(details).toMatchObject({
        clientId: 'client-123',
        clientSecret: '[redacted]',
        note: 'got apiKey [jwt] from /auth',
        owner: { name: 'Maria', cpf: '***.***.***-**', document: '***.***.***-**' },
        company: 'CNPJ **.***.***/****-**',
        account: { number: '****3456', branchNumber: '0001' },
        nested: [{ connectToken: '[redacted]' }, { password: '[redacted]' }],
      });
      db.close();
      const file = readFileSync(t.file);
      expect(file.includes(Buffer.from('client-123'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('leaves ids, amounts, dates and timestamps alone, and copies instead of mutating', () => {
    const input = {
      itemId: 'a5c763cb-4f3e-4b52-9a2f-0d5a0de21234',
      amount: 12345678901,
      at: '2025-03-01T12:00:00.000Z',
      epochMs: '1740830400000',
      count: 3,
      when: new Date('2025-03-01T00:00:00.000Z'),
      err: new Error(`failed with ${JWT}`),
      skip: undefined,
    };
    const out = redactDetails(input);
    expect(out).toEqual({
      itemId: input.itemId,
      amount: 12345678901,
      at: input.at,
      epochMs: '1740830400000',
      count: 3,
      when: '2025-03-01T00:00:00.000Z',
      err: { name: 'Error', message: 'failed with [jwt]' },
    });
    expect(input.err.message).toContain(JWT);
  });

  it('copes with cycles, depth and huge arrays', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(redactDetails(cyclic)).toEqual({ a: 1, self: '[circular]' });
    const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) as Record<string, unknown>;
    expect(JSON.stringify(redactDetails(deep))).toContain('[too deep]');
    const big = redactDetails({ list: Array.from({ length: 150 }, (_, i) => i) });
    expect((big['list'] as unknown[]).length).toBe(101);
  });
});
