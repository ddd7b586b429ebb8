// `cofre investments [--json]` in demo mode: positions, loans, a bank without them, and the net worth line
// with the card's faturas taken away.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

const dataDir = tempDir();
const common = ['--demo', '--data-dir', dataDir, '--demo-execution-ms', '200'];

describe('cofre investments', () => {
  it('prints every stored position and loan, as JSON and as text', async () => {
    const connect = await runCli([
      'connect',
      ...common,
      '--connector',
      '0',
      '--user',
      'user-ok',
      '--password',
      'password-ok',
    ]);
    expect(connect.code, connect.stderr).toBe(0);
    const json = await runCli(['investments', ...common, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as {
      positions: { group: string; balance: number; name: string }[];
      loans: { outstanding: number; installmentsPaid: number }[];
      coverage: { investments: { state: string }[] };
      netWorth: { total: number; accounts: number; investments: number; loans: number; openBills: number };
    };
    expect(new Set(out.positions.map((p) => p.group))).toEqual(
      new Set(['fixed_income', 'treasury', 'funds', 'equities', 'pension']),
    );
    expect(out.positions.every((p) => Number.isInteger(p.balance))).toBe(true);
    expect(out.loans.length).toBe(2);
    expect(out.loans.every((l) => l.outstanding < 0)).toBe(true);
    expect(out.coverage.investments).toEqual([expect.objectContaining({ state: 'read' })]);
    const sum = out.positions.reduce((s, p) => s + p.balance, 0);
    expect(out.netWorth.investments).toBe(sum);
    // The card counts through its faturas (what is owed: negative).
    expect(Number.isInteger(out.netWorth.openBills) && out.netWorth.openBills < 0).toBe(true);
    expect(out.netWorth.total).toBe(
      out.netWorth.accounts + out.netWorth.investments + out.netWorth.openBills + out.netWorth.loans,
    );

    const text = await runCli(['investments', ...common]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Renda fixa: R$ ');
    expect(text.stdout).toContain('Tesouro IPCA+ 2035');
    expect(text.stdout).toContain('parcelas pagas');
    expect(text.stdout).toMatch(/ − faturas R\$ [\d.]+,\d{2}/);
  }, 120_000);
});
