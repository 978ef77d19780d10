import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWholeEnvelope } from './whole-envelope';
import { readJsonRecords } from './json-records';
import type { ReadItem } from './read-item';
import { eventsOf, readAll } from './test-support';

const S3_LAYOUT = path.join(__dirname, '../../fixtures/s3-layout');

function deliveredFiles(): string[] {
  return readdirSync(S3_LAYOUT, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json.gz') && !entry.parentPath.includes('CloudTrail-Digest'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function readTolerantly(file: string, text: string): Promise<ReadItem[]> {
  async function* once() {
    yield text;
  }
  const items: ReadItem[] = [];
  for await (const batch of readJsonRecords(file, once(), 2 * 1024 ** 2)) items.push(...batch);
  return items;
}

const record = (id: string) => ({ eventVersion: '1.08', eventID: id, eventTime: '2024-07-31T13:06:24Z', eventSource: 's3.amazonaws.com' });

describe('the whole-envelope fast path', () => {
  it('gives exactly what the tolerant reader gives for every delivered sample file', async () => {
    const files = deliveredFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      expect(parseWholeEnvelope(text), file).not.toBeNull();
      const fast = eventsOf(await readAll(text, { file: 'f' }));
      const tolerant = eventsOf(await readTolerantly('f', text));
      expect(fast).toEqual(tolerant);
    }
  });

  it('keeps each record’s text exactly as read, numbers and escapes included, at its line and column', async () => {
    const text = `{"Records":[${JSON.stringify(record('a')).replace('}', ',"bytes":0.0}')},\n  ${JSON.stringify(record('b')).replace('s3.', 's3\\u002e')}]}`;
    expect(parseWholeEnvelope(text)).not.toBeNull();
    const [a, b] = eventsOf(await readAll(text));
    expect(a!.json).toContain('"bytes":0.0');
    expect(b!.json).toContain('s3\\u002eamazonaws.com');
    expect(a!.source.at).toEqual({ line: 1, column: 13, offset: 12 });
    expect(b!.source.at).toMatchObject({ line: 2, column: 3 });
    expect(eventsOf(await readTolerantly('input.json', text))).toEqual([a, b]);
  });

  it('reads a pretty-printed envelope the same way the tolerant reader does', async () => {
    const text = JSON.stringify({ Records: [record('a'), { ...record('b'), note: 'braces } { and "quotes" inside' }] }, null, 2);
    expect(parseWholeEnvelope(text)).not.toBeNull();
    expect(eventsOf(await readAll(text))).toEqual(eventsOf(await readTolerantly('input.json', text)));
  });

  it('agrees with the tolerant reader on any envelope, whatever its strings hold and however it is spaced', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', '\n', 'é', '😀'), maxLength: 10 });
    const value = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const records = fc.array(
      fc.record({ eventID: fc.string({ maxLength: 4 }), eventSource: text, requestParameters: fc.dictionary(text, fc.oneof(value, fc.array(value)), { maxKeys: 3 }) }),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(records, fc.constantFrom(undefined, 1, 2, '\t'), async (generated, indent) => {
        const body = JSON.stringify({ Records: generated }, null, indent);
        expect(parseWholeEnvelope(body)).not.toBeNull();
        expect(eventsOf(await readAll(body))).toEqual(eventsOf(await readTolerantly('input.json', body)));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves every other text to the tolerant reader', () => {
    const valid = JSON.stringify({ Records: [record('a')] });
    expect(parseWholeEnvelope(valid)).not.toBeNull();
    expect(parseWholeEnvelope(valid.replace('}]}', '},]}'))).toBeNull();
    expect(parseWholeEnvelope(JSON.stringify({ Records: [record('a')], extra: 1 }))).toBeNull();
    expect(parseWholeEnvelope(JSON.stringify({ Records: [{ hello: 'world' }] }))).toBeNull();
    expect(parseWholeEnvelope(JSON.stringify({ Records: [record('a'), 'text'] }))).toBeNull();
    expect(parseWholeEnvelope(valid.slice(0, -5))).toBeNull();
  });

  it('still reports repairs the records need, such as padded IDs', async () => {
    const text = JSON.stringify({ Records: [record(' padded ')] });
    const [event] = eventsOf(await readAll(text));
    expect(event!.eventId).toBe('padded');
    expect(event!.repairs.map((repair) => repair.kind)).toEqual(['whitespace-padding']);
  });
});
