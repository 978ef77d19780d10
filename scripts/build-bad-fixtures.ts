// Writes the hostile-input corpus of fixtures/bad/ (npx tsx scripts/build-bad-fixtures.ts).
// The small files are committed; the large ones (bombs, a 20 MB string, 100,000-deep nesting) are
// written by the tests into a scratch folder with `writeLargeBadFixtures`, never committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';

const MiB = 1024 ** 2;

export function badRecord(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    eventID: id,
    eventTime: '2024-08-01T12:00:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateUser',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', accountId: '111122223333' },
    ...extra,
  };
}

const line = (id: string, extra?: Record<string, unknown>) => JSON.stringify(badRecord(id, extra));

/** Bytes that look like nothing: a fixed-seed generator, so the committed file never changes. */
function garbage(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = 0x2545f491;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return bytes.swap16();
}

interface ZipEntry {
  name: string;
  /** The deflated bytes, and the size and CRC the headers declare for them. */
  deflated: Buffer;
  declaredSize: number;
  crc: number;
}

/** A zip archive of deflated entries, written by hand so that its headers may lie. */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function zipEntry(name: string, content: string): ZipEntry {
  const bytes = Buffer.from(content);
  return { name, deflated: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

/**
 * `size` bytes of one repeated byte, deflated cheaply: one block of 16 MiB ends with a full flush
 * (so it refers to nothing before it), is repeated, and an empty final block closes the stream.
 */
function repeatedDeflate(byte: number, size: number): ZipEntry {
  const block = Buffer.alloc(16 * MiB, byte);
  const blockCount = Math.ceil(size / block.length);
  const flushed = deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < blockCount; i++) crc = crc32(block, crc);
  const deflated = Buffer.concat([...Array<Buffer>(blockCount).fill(flushed), deflateRawSync(Buffer.alloc(0))]);
  return { name: '', deflated, declaredSize: blockCount * block.length, crc };
}

/** `size` bytes of one repeated byte as gzip: a member of 16 MiB, repeated (gunzip reads members one after another). */
function repeatedGzip(byte: number, size: number): Buffer {
  const member = gzipSync(Buffer.alloc(16 * MiB, byte), { level: 9 });
  return Buffer.concat(Array<Buffer>(Math.ceil(size / (16 * MiB))).fill(member));
}

/** The small cases, committed under fixtures/bad/. */
export function smallBadFixtures(): Record<string, Buffer | string> {
  // Random user agents keep the gzip from shrinking to nothing, so the cut falls after some records.
  const lines = Array.from({ length: 40 }, (_, i) => line(`gz-${i}`, { userAgent: garbage((i + 1) * 48).subarray(i * 48).toString('base64') }));
  const gzipped = gzipSync(lines.join('\n'));
  return {
    'good.jsonl': `${line('good-1')}\n${line('good-2')}\n`,
    'truncated.json.gz': gzipped.subarray(0, Math.floor(gzipped.length * 0.6)),
    'empty.json': '',
    'garbage.bin': garbage(4096),
    // Bytes that are no UTF-8 inside a string value: they become U+FFFD, the records still load.
    'invalid-utf8.jsonl': Buffer.concat([
      Buffer.from(line('utf8-1', { userAgent: '@BYTES@' }).split('@BYTES@')[0]!),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80, 0xed, 0xa0, 0x80]),
      Buffer.from(`${line('utf8-1', { userAgent: '@BYTES@' }).split('@BYTES@')[1]!}\n${line('utf8-2')}\n`),
    ]),
    'utf16le-bom.json': Buffer.from(`\ufeff${JSON.stringify({ Records: [badRecord('utf16le-1'), badRecord('utf16le-2')] })}`, 'utf16le'),
    'utf16be-bom.json': utf16be(JSON.stringify({ Records: [badRecord('utf16be-1')] })),
    'utf8-bom.json': `\ufeff${JSON.stringify({ Records: [badRecord('bom-1'), badRecord('bom-2')] })}`,
    'crlf.json': JSON.stringify({ Records: [badRecord('crlf-1'), badRecord('crlf-2')] }, null, 2).replace(/\n/g, '\r\n'),
    'crlf.jsonl': `${line('crlf-3')}\r\n${line('crlf-4')}\r\n`,
    'proto-keys.jsonl': [
      '{"__proto__": {"polluted": "yes"}, "eventID": "proto-1", "eventName": "CreateUser", "eventTime": "2024-08-01T12:00:00Z", "eventSource": "iam.amazonaws.com"}',
      '{"constructor": {"prototype": {"polluted": "yes"}}, "eventID": "proto-2", "eventName": "CreateUser", "eventTime": "2024-08-01T12:00:00Z", "userIdentity": {"__proto__": {"type": "Root"}, "type": "IAMUser", "userName": "prototype"}}',
      '{"prototype": {"polluted": "yes"}, "eventID": "proto-3", "eventName": "constructor", "eventSource": "__proto__", "eventTime": "2024-08-01T12:00:00Z", "requestParameters": {"__proto__": null, "toString": "x", "hasOwnProperty": 1}}',
      '',
    ].join('\n'),
    'proto-columns.csv': 'Event name,Event time,__proto__,constructor,Event ID\nCreateUser,2024-08-01T12:00:00Z,polluted,polluted,csv-proto-1\n',
    'not-cloudtrail.json': JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' } }] }, null, 2),
    'ends-mid-record.jsonl': `${line('mid-1')}\n${line('mid-2')}\n${line('mid-3').slice(0, 90)}`,
    'zip-slip.zip': zipArchive([
      zipEntry('../../../../tmp/trailscope-zip-slip.json', line('slip-1')),
      zipEntry('/etc/cron.d/trailscope.json', line('slip-2')),
      zipEntry('..\\..\\windows\\slip.json', line('slip-3')),
    ]),
  };
}

/** The large cases, written at test time: about 7 MB on disk for 4 GiB of decompression and a 20 MB string. */
export function largeBadFixtures(): Record<string, Buffer | string> {
  const spaces = repeatedDeflate(0x20, 2 * 1024 * MiB);
  let deep = '"bottom ***"';
  deep = `${'['.repeat(100_000)}${deep}${']'.repeat(100_000)}`;
  return {
    'gzip-bomb-zeros.json.gz': repeatedGzip(0x00, 2 * 1024 * MiB),
    'gzip-bomb-spaces.json.gz': repeatedGzip(0x20, 2 * 1024 * MiB),
    'zip-bomb.zip': zipArchive([
      { ...spaces, name: 'honest-2GiB-of-spaces.json' },
      // The headers say 1000 bytes; the data inflates to 2 GiB.
      { ...spaces, name: 'lying-1000-bytes.json', declaredSize: 1000 },
      zipEntry('good.json', line('zip-good-1')),
    ]),
    'big-string.jsonl': `${line('big-1')}\n${line('big-2', { userAgent: 'A'.repeat(20 * 1000 * 1000) })}\n${line('big-3')}\n`,
    'deep-nesting.jsonl': `${line('deep-1')}\n${line('deep-2', { requestParameters: { payload: '@DEEP@' } }).replace('"@DEEP@"', deep)}\n${line('deep-3')}\n`,
  };
}

export function writeBadFixtures(directory: string, files: Record<string, Buffer | string>): void {
  mkdirSync(directory, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(directory, name), content);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  writeBadFixtures(path.join(import.meta.dirname, '..', 'fixtures', 'bad'), smallBadFixtures());
  console.log('fixtures/bad');
}
