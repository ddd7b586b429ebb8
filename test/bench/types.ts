// The shape every benchmark scenario returns, so the runner can print one table and write one JSON file.
export interface BenchRow {
  /** Scenario name, e.g. `store`. */
  scenario: string;
  /** What was measured, e.g. `bulk upsert 1M (encrypted)`. */
  metric: string;
  value: number;
  unit: string;
  /** Side-by-side context: the baseline, a ratio, the goal. */
  note?: string;
}

export interface BenchScenario {
  name: string;
  description: string;
  run(): Promise<BenchRow[]>;
}
