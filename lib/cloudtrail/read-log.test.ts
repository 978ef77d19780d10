import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eventsOf, readAll } from './test-support';

const record = (id: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: '1.08',
  eventID: id,
  eventTime: '2024-07-31T13:06:24Z',
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  awsRegion: 'us-east-1',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', accountId: '111122223333' },
  ...extra,
});
const ids = (items: Awaited<ReturnType<typeof readAll>>) => eventsOf(items).map((event) => event.eventId);

describe('readLog input forms', () => {
  it('reads a Records envelope, plain and gzipped, whatever the file is called', async () => {
    const body = JSON.stringify({ Records: [record('a'), record('b')] });
    expect(ids(await readAll(body, { file: 'x.json.gz' }))).toEqual(['a', 'b']);
    expect(ids(await readAll(gzipSync(body), { file: 'x.json' }))).toEqual(['a', 'b']);
  });

  it('reads JSON Lines, a JSON array, a single object and concatenated objects', async () => {
    const [a, b] = [record('a'), record('b')];
    expect(ids(await readAll(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`))).toEqual(['a', 'b']);
    expect(ids(await readAll(JSON.stringify([a, b], null, 2)))).toEqual(['a', 'b']);
    expect(ids(await readAll(JSON.stringify(a, null, 2)))).toEqual(['a']);
    expect(ids(await readAll(`${JSON.stringify(a, null, 2)}${JSON.stringify(b)}`))).toEqual(['a', 'b']);
  });

  it('reads lookup-events output, unwrapping CloudTrailEvent strings', async () => {
    const body = JSON.stringify({ Events: [{ EventId: 'a', CloudTrailEvent: JSON.stringify(record('a')) }] });
    expect(ids(await readAll(body))).toEqual(['a']);
  });

  it('skips digest files and empty files, counting them', async () => {
    const digest = JSON.stringify({ awsAccountId: '1', digestStartTime: 'x', logFiles: [] });
    expect(await readAll(gzipSync(digest), { file: 'd.json.gz' })).toEqual([
      { type: 'skipped', file: 'd.json.gz', reason: 'CloudTrail digest file' },
    ]);
    expect(await readAll('  \n', { file: 'e.json' })).toEqual([{ type: 'skipped', file: 'e.json', reason: 'empty file' }]);
  });
});

describe('readLog damage', () => {
  it('quarantines a record cut short at the end of the input and keeps the ones before it', async () => {
    const body = `${JSON.stringify(record('a'))}\n${JSON.stringify(record('b')).slice(0, 80)}`;
    const items = await readAll(body, { file: 'cut.jsonl' });
    expect(ids(items)).toEqual(['a']);
    expect(items[1]).toMatchObject({ type: 'quarantined', file: 'cut.jsonl', at: { line: 2, column: 1 } });
    expect(items[1]).toHaveProperty('reason', expect.stringContaining('ends in the middle of a record'));
  });

  it('quarantines a record whose damage cannot be repaired safely, with its position', async () => {
    const body = `${JSON.stringify(record('a'))}\n{"eventName": "X", "eventTime": }\n${JSON.stringify(record('c'))}`;
    const items = await readAll(body, { file: 'bad.jsonl' });
    expect(ids(items)).toEqual(['a', 'c']);
    const quarantined = items.find((item) => item.type === 'quarantined');
    expect(quarantined).toMatchObject({ at: { line: 2 }, raw: '{"eventName": "X", "eventTime": }' });
  });

  it('quarantines JSON objects that are not CloudTrail records', async () => {
    const items = await readAll(`{"hello": "world"}\n${JSON.stringify(record('a'))}`);
    expect(items[0]).toMatchObject({ type: 'quarantined', reason: expect.stringContaining('not a CloudTrail record') });
    expect(ids(items)).toEqual(['a']);
  });

  it('reports a file with no CloudTrail records at all as one file error', async () => {
    expect(await readAll('{"name": "trailscope", "version": "1.0.0"}\n', { file: 'package.json' })).toEqual([
      { type: 'file-error', file: 'package.json', message: expect.stringMatching(/^package\.json: no CloudTrail records: not a CloudTrail record/) },
    ]);
    expect(await readAll('Hello,\nplease find the logs attached.\n', { file: 'mail.txt' })).toMatchObject([{ type: 'file-error' }]);
  });

  it('never drops records that follow a long run of text', async () => {
    const prose = Array.from({ length: 30 }, (_, i) => `line ${i} of the ticket`).join('\n');
    const items = await readAll(`${prose}\n${JSON.stringify(record('a'))}\n`, { file: 'ticket.txt' });
    expect(ids(items)).toEqual(['a']);
    expect(items.filter((item) => item.type === 'quarantined')).toHaveLength(30);
  });

  it('reports a truncated gzip as one file error after the records it could read', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify(record(`r${i}`))).join('\n');
    const gz = gzipSync(lines);
    const items = await readAll(gz.subarray(0, gz.length - 20), { file: 't.gz' });
    const last = items.at(-1);
    expect(last).toMatchObject({ type: 'file-error', file: 't.gz', message: expect.stringContaining('t.gz') });
    expect(eventsOf(items).length).toBeGreaterThan(1000);
  });

  it('refuses binary data and inputs that decompress past the limit', async () => {
    expect(await readAll(new Uint8Array([0, 1, 2, 3, 0]), { file: 'b.bin' })).toEqual([
      { type: 'file-error', file: 'b.bin', message: 'b.bin: binary data, not a text log' },
    ]);
    const bomb = gzipSync(Buffer.alloc(5_000_000, 0x20));
    const items = await readAll(bomb, { file: 'bomb.gz', limits: { maxDecompressedBytes: 1_000_000, maxRecordChars: 1000 } });
    expect(items).toEqual([
      { type: 'file-error', file: 'bomb.gz', message: 'bomb.gz: decompressed size is over the limit of 1000000 bytes' },
    ]);
  });

  it('derives a stable ID for records without eventID', async () => {
    const anonymous: Record<string, unknown> = record('x');
    delete anonymous.eventID;
    const [first] = eventsOf(await readAll(JSON.stringify(anonymous)));
    const [again] = eventsOf(await readAll(JSON.stringify(anonymous, null, 4)));
    expect(first!.eventId).toMatch(/^derived-[0-9a-f]{32}$/);
    expect(first!.eventIdDerived).toBe(true);
    expect(again!.eventId).toBe(first!.eventId);
  });
});

describe('readLog record quirks', () => {
  it('reads an Insights record, which has no eventName, eventSource or identity of its own', async () => {
    const insight = {
      eventVersion: '1.07',
      eventTime: '2024-08-01T10:00:00Z',
      awsRegion: 'us-east-1',
      eventID: 'insight-1',
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: '111122223333',
      sharedEventID: 'shared-1',
      insightDetails: { state: 'Start', eventSource: 'ssm.amazonaws.com', eventName: 'SendCommand', insightType: 'ApiCallRateInsight' },
      eventCategory: 'Insight',
    };
    const [event] = eventsOf(await readAll(gzipSync(JSON.stringify({ Records: [insight] })), { file: 'CloudTrail-Insight/x.json.gz' }));
    expect(event).toMatchObject({
      eventSource: 'ssm.amazonaws.com',
      eventName: 'SendCommand',
      eventType: 'AwsCloudTrailInsight',
      eventCategory: 'Insight',
      sharedEventId: 'shared-1',
      accountId: '111122223333',
      principal: { key: 'none', type: 'None' },
    });
  });

  it('keeps quirky values as written and unknown fields in the record', async () => {
    const quirky = record('q', {
      readOnly: 'True',
      eventType: 'AwsVpceEvent',
      sourceIPAddress: '08.1.250.216, 10.0.0.1',
      vendorField: { nested: [1, 2] },
      userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' },
    });
    const [event] = eventsOf(await readAll(JSON.stringify(quirky)));
    expect(event).toMatchObject({ readOnly: true, eventType: 'AwsVpceEvent', sourceIPAddress: '08.1.250.216, 10.0.0.1', principal: { type: 'Untyped' } });
    expect(JSON.parse(event!.json).vendorField).toEqual({ nested: [1, 2] });
  });

  it('removes a unicode ellipsis placeholder inside a record and says where it was', async () => {
    const text = '{"eventID": "e", "eventName": "X", "resources": [\n  {"ARN": "a"},\n  …\n]}';
    const [event] = eventsOf(await readAll(text));
    expect(JSON.parse(event!.json).resources).toEqual([{ ARN: 'a' }]);
    expect(event!.repairs).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'placeholder', at: expect.objectContaining({ line: 3 }) })]));
  });
});

describe('readLog regressions found by the property tests', () => {
  it('keeps a text log whose first byte was flipped to NUL', async () => {
    const body = ['\u0000' + JSON.stringify(record('a')).slice(1), JSON.stringify(record('b')), JSON.stringify(record('c'))].join('\n');
    expect(ids(await readAll(body))).toEqual(['b', 'c']);
  });
});
