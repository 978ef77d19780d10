import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadItem, readLog } from '@/lib/cloudtrail/read-log';
import { serverConfig } from '@/lib/config';
import { smallBadFixtures } from '@/scripts/build-bad-fixtures';
import { BAD_FIXTURES, badCases, peakRssGrowthMb, prepareBadCorpus } from './bad-corpus-test-support';
import { logInputs } from './log-inputs';

// Every hostile input of fixtures/bad/, read the way an ingest reads a file, against its expected outcome.
const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-bad-'));
let pathOf: (file: string) => string;

// Writing the bombs takes a few seconds of compression.
beforeAll(() => {
  pathOf = prepareBadCorpus(scratch);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function readFile(file: string): Promise<ReadItem[]> {
  const { maxDecompressedBytes, maxRecordChars, maxExpansionRatio } = serverConfig();
  const items: ReadItem[] = [];
  for await (const input of logInputs({ path: pathOf(file), name: file, size: 0 }, maxDecompressedBytes, () => {}, maxExpansionRatio)) {
    if ('error' in input) items.push({ type: 'file-error', file: input.name, message: input.error });
    else for await (const batch of readLog(input.name, input.chunks, { maxDecompressedBytes, maxRecordChars, maxExpansionRatio })) items.push(...batch);
  }
  return items;
}

function problemsOf(items: ReadItem[]) {
  return items.flatMap((item) => {
    if (item.type === 'event') return [];
    return [{ kind: item.type, file: item.file, reason: item.type === 'file-error' ? item.message : item.reason }];
  });
}

describe('the hostile-input corpus', () => {
  it('is what the generator writes, and small', () => {
    const committed = smallBadFixtures();
    for (const [name, content] of Object.entries(committed)) expect(readFileSync(path.join(BAD_FIXTURES, name)), name).toEqual(Buffer.from(content));
    const size = Object.values(committed).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
    expect(size).toBeLessThan(200 * 1024);
    expect(badCases().map((item) => item.file).sort()).toEqual(expect.arrayContaining(Object.keys(committed).sort()));
  });

  it.each(badCases().map((item) => [item.file, item] as const))('reads %s as expected', async (_file, expected) => {
    let items: ReadItem[] = [];
    const started = performance.now();
    const growth = await peakRssGrowthMb(async () => {
      items = await readFile(expected.file);
    });
    // The figures of docs/reliability.md.
    console.info(`${expected.file}: peak RSS +${growth.toFixed(0)} MB, ${(performance.now() - started).toFixed(0)} ms`);
    expect(items.filter((item) => item.type === 'event')).toHaveLength(expected.events);
    expect(problemsOf(items)).toEqual(
      expected.problems.map((problem) => ({ ...problem, reason: expect.stringContaining(problem.reason) })),
    );
    // Bombs, a 20 MB string and 100,000-deep nesting cost little memory: the reader never holds them whole.
    expect(growth, `memory grew ${growth.toFixed(0)} MB`).toBeLessThan(200);
  }, 30_000);

  it('keeps hostile keys as data: no prototype is polluted and identity comes from real fields only', async () => {
    const items = await readFile('proto-keys.jsonl');
    const events = items.flatMap((item) => (item.type === 'event' ? [item.event] : []));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(events.map((event) => [event.eventId, event.eventName, event.eventSource, event.principal.type])).toEqual([
      ['proto-1', 'CreateUser', 'iam.amazonaws.com', 'None'],
      ['proto-2', 'CreateUser', null, 'IAMUser'],
      ['proto-3', 'constructor', '__proto__', 'None'],
    ]);
    // The original record keeps its `__proto__` key as an own property, as written.
    expect(Object.getOwnPropertyDescriptor(JSON.parse(events[0]!.json), '__proto__')?.value).toEqual({ polluted: 'yes' });
    const csv = (await readFile('proto-columns.csv')).flatMap((item) => (item.type === 'event' ? [item.event] : []));
    expect(Object.keys(JSON.parse(csv[0]!.json)).sort()).toEqual(['eventID', 'eventName', 'eventTime']);
  });

  it('names zip entries that climb out as display names inside the archive', async () => {
    const files = (await readFile('zip-slip.zip')).flatMap((item) => (item.type === 'event' ? [item.event.source.file] : []));
    expect(files).toEqual(['zip-slip.zip/tmp/trailscope-zip-slip.json', 'zip-slip.zip/etc/cron.d/trailscope.json', 'zip-slip.zip/windows/slip.json']);
  });
});
