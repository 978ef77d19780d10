import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, readAll } from './test-support';

const SEEDS = path.join(process.cwd(), 'fixtures/seeds');
const seedFiles = readdirSync(SEEDS).filter((name) => /^\d{3}-.*(?<!expected)\.json$/.test(name)).sort();

interface ExpectedRecord {
  eventId: string;
  eventTime: string;
  eventSource: string;
  serviceName: string;
  eventName: string;
  awsRegion: string;
  accountId: string;
  readOnly: boolean | null;
  identity: { key: string; type: string; display: string; sessionName: string | null };
  redactions: { path: string; kind: string }[];
  repairs: { kind: string; line: number; column: number }[];
}

describe('the seed documents', () => {
  it('are all here: five documents, 17 records', () => {
    expect(seedFiles).toHaveLength(5);
    const total = seedFiles.reduce((sum, name) => {
      const expected = JSON.parse(readFileSync(path.join(SEEDS, name.replace('.json', '.expected.json')), 'utf8'));
      return sum + expected.records.length;
    }, 0);
    expect(total).toBe(17);
  });

  it.each(seedFiles)('%s loads every record with the expected values', async (name) => {
    const expected = JSON.parse(readFileSync(path.join(SEEDS, name.replace('.json', '.expected.json')), 'utf8'));
    const items = await readAll(readFileSync(path.join(SEEDS, name)), { file: name });
    expect(items.filter((item) => item.type !== 'event')).toEqual([]);
    const actual = eventsOf(items).map((event) => ({
      eventId: event.eventId,
      eventTime: event.eventTime,
      eventSource: event.eventSource,
      serviceName: event.serviceName,
      eventName: event.eventName,
      awsRegion: event.awsRegion,
      accountId: event.accountId,
      readOnly: event.readOnly,
      identity: {
        key: event.principal.key,
        type: event.principal.type,
        display: event.principal.display,
        sessionName: event.principal.sessionName,
      },
      redactions: event.redactions,
      repairs: event.repairs.map((repair) => ({ kind: repair.kind, line: repair.at.line, column: repair.at.column })),
    }));
    expect(actual).toEqual(expected.records as ExpectedRecord[]);
  });

  it('explains each repair where it was made', async () => {
    const text = readFileSync(path.join(SEEDS, '004-config.json'), 'utf8');
    const events = eventsOf(await readAll(text, { file: '004-config.json' }));
    const repaired = events.filter((event) => event.repairs.length > 0);
    expect(repaired.map((event) => event.eventName)).toEqual(['DeliverConfigSnapshot']);
    const [repair] = repaired[0]!.repairs;
    expect(repair).toMatchObject({ kind: 'missing-quote', message: 'added a missing quote' });
    const line = text.split('\n')[repair!.at.line - 1]!;
    expect(line.slice(repair!.at.column - 1)).toMatch(/^recipientAccountId"/);
  });

  it('reads the same records whatever the chunk size', async () => {
    const bytes = readFileSync(path.join(SEEDS, '001-mediaconnect.json'));
    const whole = eventsOf(await readAll(bytes));
    const trickled = eventsOf(await readAll(bytes, { chunkSize: 1 }));
    expect(trickled).toEqual(whole);
  });
});
