import { readFileSync } from 'node:fs';
import path from 'node:path';
import { largeBadFixtures, writeBadFixtures } from '@/scripts/build-bad-fixtures';

// The hostile-input corpus of fixtures/bad/ and its table of expected outcomes, for the tests.

export interface ExpectedProblem {
  kind: 'quarantined' | 'file-error' | 'skipped';
  file: string;
  reason: string;
}

export interface BadCase {
  file: string;
  why: string;
  generated?: boolean;
  events: number;
  problems: ExpectedProblem[];
}

export const BAD_FIXTURES = path.join(process.cwd(), 'fixtures', 'bad');

export function badCases(): BadCase[] {
  return (JSON.parse(readFileSync(path.join(BAD_FIXTURES, 'expected.json'), 'utf8')) as { cases: BadCase[] }).cases;
}

/** Writes the generated cases into `scratch`, and says where each case's file is. */
export function prepareBadCorpus(scratch: string): (file: string) => string {
  writeBadFixtures(scratch, largeBadFixtures());
  return (file) => path.join(badCases().find((item) => item.file === file)?.generated ? scratch : BAD_FIXTURES, file);
}

/** Runs `work` while sampling the resident set size, and answers how far it grew above where it began, in MB. */
export async function peakRssGrowthMb(work: () => Promise<void>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return (Math.max(peak, process.memoryUsage().rss) - start) / 1024 ** 2;
}
