import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsOf, readAll } from './test-support';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '{', '}', '[', ']', ',', ':', '…', 'é', '😀', '\t') , maxLength: 12 });
const record = (index: number) =>
  fc.record({
    eventVersion: fc.constant('1.08'),
    eventID: fc.constant(`id-${index}`),
    eventTime: fc.constant('2024-08-01T12:00:00Z'),
    eventSource: fc.constantFrom('s3.amazonaws.com', 'iam.amazonaws.com'),
    eventName: fc.constantFrom('GetObject', 'CreateUser'),
    requestParameters: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 }),
  });
const records = fc.integer({ min: 1, max: 12 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => record(index))));

type Damage = { kind: 'truncate' | 'flip' | 'insert'; at: number; garbage: string; byte: string };
const damage = fc.record({
  kind: fc.constantFrom('truncate', 'flip', 'insert') as fc.Arbitrary<Damage['kind']>,
  at: fc.nat(),
  garbage: fc.string({ minLength: 1, maxLength: 8 }),
  byte: fc.constantFrom('{', '}', '"', '\\', '[', ']', ',', 'x', '\u0000', '…'),
});

function damageLine(line: string, { kind, at, garbage, byte }: Damage): string {
  const position = at % (line.length + 1);
  if (kind === 'truncate') return line.slice(0, position);
  if (kind === 'flip') return line.slice(0, position) + byte + line.slice(position + 1);
  return line.slice(0, position) + garbage.replace(/\n/g, ' ') + line.slice(position);
}

const RUNS = { numRuns: 150 };

describe('readLog under random damage', () => {
  it('never throws on arbitrary bytes, plain or gzipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, zipped) => {
        const items = await readAll(zipped ? gzipSync(bytes) : bytes, { chunkSize: 7 });
        for (const item of items) expect(['event', 'quarantined', 'skipped', 'file-error']).toContain(item.type);
      }),
      RUNS,
    );
  });

  it('loads every intact record when one record is damaged, in JSON Lines or pretty-printed', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.boolean(), fc.nat(), fc.nat(), damage, fc.integer({ min: 1, max: 64 }), async (list, pretty, pick, linePick, harm, chunkSize) => {
        const texts = list.map((item) => (pretty ? JSON.stringify(item, null, 2) : JSON.stringify(item)));
        const broken = pick % texts.length;
        // Damage one physical line of one record; the line breaks around it stay.
        const lines = texts[broken]!.split('\n');
        const hit = linePick % lines.length;
        lines[hit] = damageLine(lines[hit]!, harm);
        texts[broken] = lines.join('\n');
        const events = eventsOf(await readAll(texts.join('\n'), { chunkSize }));
        const loaded = new Set(events.map((event) => JSON.stringify(JSON.parse(event.json))));
        list.forEach((item, index) => {
          if (index !== broken) expect(loaded).toContain(JSON.stringify(item));
        });
      }),
      RUNS,
    );
  });

  it('loads every record before the cut when a file is truncated, in any form', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.constantFrom('jsonl', 'envelope', 'pretty'), fc.nat(), async (list, form, cutAt) => {
        const parts = list.map((item) => (form === 'pretty' ? JSON.stringify(item, null, 2) : JSON.stringify(item)));
        const [open, separator, close] = form === 'envelope' ? ['{"Records":[', ',', ']}'] : ['', '\n', ''];
        const whole = open + parts.join(separator) + close;
        const cut = cutAt % (whole.length + 1);
        const events = eventsOf(await readAll(whole.slice(0, cut), { chunkSize: 13 }));
        const loaded = new Set(events.map((event) => JSON.stringify(JSON.parse(event.json))));
        let end = open.length;
        list.forEach((item, index) => {
          end += parts[index]!.length;
          if (end <= cut) expect(loaded).toContain(JSON.stringify(item));
          end += separator.length;
        });
        // Nothing is invented: every event is one of the records written.
        const written = new Set(list.map((item) => JSON.stringify(item)));
        for (const json of loaded) expect(written).toContain(json);
      }),
      RUNS,
    );
  });
});
