// `cofre bills [--json]` in demo mode: every stored fatura with its card, state, total and due date; a link
// without a card says so.
import { describe, expect, it } from 'vitest';
import type { BillLine } from '../../../src/cli/commands/bills';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const connect = (dataDir: string, user: string) =>
  runCli([
    'connect',
    '--demo',
    '--data-dir',
    dataDir,
    '--demo-execution-ms',
    '200',
    '--connector',
    '0',
    '--user',
    user,
    '--password',
    'password-ok',
  ]);

describe('cofre bills', () => {
  it('prints every stored fatura of the card, open and closed, as JSON and as text', async () => {
    const dataDir = tempDir();
    const done = await connect(dataDir, 'user-ok');
    expect(done.code, done.stderr).toBe(0);
    const json = await runCli(['bills', '--demo', '--data-dir', dataDir, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const { bills } = JSON.parse(json.stdout) as { bills: BillLine[] };
    expect(new Set(bills.map((b) => b.accountId)).size).toBe(1);
    const [open, ...closed] = bills;
    expect(open).toMatchObject({ state: 'open', billId: null, card: 'Pluggy Mastercard Black' });
    expect(open!.dueDate! > closed[0]!.dueDate!).toBe(true);
    expect(closed.length).toBeGreaterThanOrEqual(12);
    // Newest first, each state as its payments say.
    expect(closed.map((b) => b.dueDate)).toEqual(
      closed
        .map((b) => b.dueDate)
        .sort()
        .reverse(),
    );
    for (const b of closed) {
      expect(Number.isInteger(b.total) && Number.isInteger(b.paid)).toBe(true);
      expect(b.billId).toBe(b.key);
      if (b.state === 'paid') expect(b.paid).toBeGreaterThanOrEqual(b.total);
      if (b.state === 'partial') expect(b.paid > 0 && b.paid < b.total).toBe(true);
      if (b.state === 'unpaid' || b.state === 'awaiting') expect(b.paid).toBe(0);
    }
    const states = new Set(closed.map((b) => b.state));
    expect(states.has('paid') && states.has('partial') && states.has('unpaid')).toBe(true);

    const text = await runCli(['bills', '--demo', '--data-dir', dataDir]);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Pluggy Bank · Pluggy Mastercard Black •••• \d{4}$/);
    expect(lines).toHaveLength(bills.length + 1);
    expect(lines[1]).toContain(`${open!.month} · aberta`);
    expect(lines[1]).toMatch(/vence \d{2}\/\d{2}\/\d{4} · R\$ [\d.]+,\d{2} · fecha \d{2}\/\d{2}\/\d{4}$/);
    expect(text.stdout).toContain('paga em parte');
    expect(text.stdout).toContain('não paga');
  }, 120_000);

  it('says so when no card is stored', async () => {
    const dataDir = tempDir();
    const done = await connect(dataDir, 'user-ok-no-card');
    expect(done.code, done.stderr).toBe(0);
    const text = await runCli(['bills', '--demo', '--data-dir', dataDir]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.trim()).toBe('nenhum cartão de crédito guardado');
    const json = await runCli(['bills', '--demo', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ bills: [] });
  }, 120_000);
});
