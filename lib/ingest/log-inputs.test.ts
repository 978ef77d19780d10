import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReadItem, readLog } from '@/lib/cloudtrail/read-log';
import { logInputs } from './log-inputs';

const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function readAllInputs(filePath: string, name: string, maxBytes = 1024 ** 2) {
  const inputs: string[] = [];
  const items: ReadItem[] = [];
  for await (const input of logInputs({ path: filePath, name, size: 0 }, maxBytes)) {
    inputs.push(input.name);
    if ('error' in input) items.push({ type: 'file-error', file: input.name, message: input.error });
    else for await (const batch of readLog(input.name, input.chunks)) items.push(...batch);
  }
  return { inputs, items };
}

describe('logInputs', () => {
  it('opens a zip archive, told by its content, and reads every entry in it', async () => {
    const archive = path.join(process.cwd(), 'fixtures/archives/mixed.zip');
    const { inputs, items } = await readAllInputs(archive, 'export.bin');
    // The `../escape.json` entry is named inside the archive: names are display text, never paths.
    expect(inputs).toEqual(['export.bin/logs/stop.jsonl', 'export.bin/logs/admin.json.gz', 'export.bin/escape.json', 'export.bin/README.txt']);
    expect(items.filter((item) => item.type === 'event').map((item) => item.type === 'event' && item.event.source.file)).toEqual([
      'export.bin/logs/stop.jsonl',
      'export.bin/logs/admin.json.gz',
      'export.bin/logs/admin.json.gz',
      'export.bin/escape.json',
    ]);
    expect(items.at(-1)).toEqual({
      type: 'file-error',
      file: 'export.bin/README.txt',
      message: expect.stringContaining('no CloudTrail records: text that is not a JSON record at line 1, column 1 (“exported for ticket 4711”)'),
    });
  });

  it('refuses an entry that says it inflates past the limit, alone or with the entries before it, and reads the others', async () => {
    const archive = path.join(process.cwd(), 'fixtures/archives/mixed.zip');
    // Entries of 954, 752, 1241 and 25 bytes against a limit of 1000 for the whole archive.
    const { items } = await readAllInputs(archive, 'mixed.zip', 1000);
    const errors = items.flatMap((item) => (item.type === 'file-error' ? [item.message] : []));
    expect(errors).toEqual([
      "mixed.zip/logs/admin.json.gz: the archive's entries together expand past the limit of 1000 bytes",
      'mixed.zip/escape.json: 1241 bytes uncompressed, over the limit of 1000',
      expect.stringContaining('mixed.zip/README.txt: no CloudTrail records'),
    ]);
    expect(items.filter((item) => item.type === 'event')).toHaveLength(1);
  });

  it('passes any other file through whole', async () => {
    const plain = path.join(scratch, 'plain.json');
    writeFileSync(plain, '{"eventID": "x", "eventName": "Y"}');
    const { inputs, items } = await readAllInputs(plain, 'plain.json');
    expect(inputs).toEqual(['plain.json']);
    expect(items.map((item) => item.type)).toEqual(['event']);
  });

  it('reports a damaged archive as an error of that file', async () => {
    const broken = path.join(scratch, 'broken.zip');
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]));
    await expect(readAllInputs(broken, 'broken.zip')).rejects.toThrow();
  });
});
