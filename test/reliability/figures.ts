// Writes the suite's latest figures to test/artifacts/reliability.json: each test file owns one section.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MODE } from './settings';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const FIGURES_FILE = `${ARTIFACTS}reliability.json`;

const Section = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));
const FiguresFile = z.object({
  sections: z.record(z.string(), z.object({ mode: z.string(), at: z.string(), figures: Section })),
});
export type FiguresFile = z.infer<typeof FiguresFile>;

/** The headline totals the README shows, summed over the sections that report them. */
export const HEADLINE_KEYS = [
  'runs',
  'faultsInjected',
  'killsSurvived',
  'malformedInputsTried',
  'secretsFound',
  'rowsLost',
] as const;

export function readFigures(): FiguresFile {
  if (!existsSync(FIGURES_FILE)) return { sections: {} };
  const parsed = FiguresFile.safeParse(JSON.parse(readFileSync(FIGURES_FILE, 'utf8')));
  // A file from an older shape is replaced, not merged: the figures are always the latest run's.
  return parsed.success ? parsed.data : { sections: {} };
}

export function headline(file: FiguresFile): Record<(typeof HEADLINE_KEYS)[number], number> {
  const totals = Object.fromEntries(HEADLINE_KEYS.map((k) => [k, 0])) as Record<
    (typeof HEADLINE_KEYS)[number],
    number
  >;
  for (const section of Object.values(file.sections)) {
    for (const key of HEADLINE_KEYS) {
      const value = section.figures[key];
      if (typeof value === 'number') totals[key] += value;
    }
  }
  return totals;
}

/** Replaces one section (test files run in separate processes, so write through a temp file and rename). */
export function writeFigures(section: string, figures: z.infer<typeof Section>): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = readFigures();
  file.sections[section] = { mode: MODE, at: new Date().toISOString(), figures };
  const out = { ...file, headline: headline(file) };
  const temp = `${FIGURES_FILE}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(out, null, 2)}\n`);
  renameSync(temp, FIGURES_FILE);
}
