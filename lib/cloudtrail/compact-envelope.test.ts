import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCompactEnvelope } from './compact-envelope';
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

describe('the compact envelope fast path', () => {
  it('gives exactly what the tolerant reader gives for every delivered sample file', async () => {
    const files = deliveredFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      expect(parseCompactEnvelope(text), file).not.toBeNull();
      const fast = eventsOf(await readAll(text, { file: 'f' }));
      const tolerant = eventsOf(await readTolerantly('f', text));
      expect(fast).toEqual(tolerant);
    }
  });

  it('places each record at its column on the one line, and keeps its text as read', async () => {
    const text = JSON.stringify({ Records: [record('a'), record('b')] });
    const [a, b] = eventsOf(await readAll(text));
    expect(a!.source.at).toEqual({ line: 1, column: 13, offset: 12 });
    expect(text.slice(a!.source.at.offset!, a!.source.at.offset! + a!.json.length)).toBe(a!.json);
    expect(text.slice(b!.source.at.offset!, b!.source.at.offset! + b!.json.length)).toBe(b!.json);
  });

  it('leaves every other text to the tolerant reader', () => {
    const compact = JSON.stringify({ Records: [record('a')] });
    expect(parseCompactEnvelope(compact)).not.toBeNull();
    expect(parseCompactEnvelope(JSON.stringify({ Records: [record('a')] }, null, 2))).toBeNull();
    expect(parseCompactEnvelope(compact.replace('}]}', '},]}'))).toBeNull();
    expect(parseCompactEnvelope(compact.replace('"s3.amazonaws.com"', '"s3.amazonaws\\u002ecom"'))).toBeNull();
    expect(parseCompactEnvelope(JSON.stringify({ Records: [record('a')], extra: 1 }))).toBeNull();
    expect(parseCompactEnvelope(JSON.stringify({ Records: [{ hello: 'world' }] }))).toBeNull();
    expect(parseCompactEnvelope(compact.slice(0, -5))).toBeNull();
  });

  it('still reports repairs the records need, such as padded IDs', async () => {
    const text = JSON.stringify({ Records: [record(' padded ')] });
    const [event] = eventsOf(await readAll(text));
    expect(event!.eventId).toBe('padded');
    expect(event!.repairs.map((repair) => repair.kind)).toEqual(['whitespace-padding']);
  });
});
