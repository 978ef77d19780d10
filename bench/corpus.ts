/**
 * A deterministic synthetic CloudTrail corpus in the S3 delivery layout, made once per size and
 * kept under bench/corpus/ (git-ignored): gzipped {"Records":[...]} files of a few hundred records,
 * one stream per account and region, as a trail delivers them.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { random, syntheticRecord } from './synthetic-records';

const RECORDS_PER_FILE = 500;
const VERSION = 1;

export interface Corpus {
  directory: string;
  records: number;
  files: number;
  bytes: number;
  uncompressedBytes: number;
}

function objectPath(record: Record<string, unknown>, sequence: number): string {
  const account = String(record.recipientAccountId);
  const region = String(record.awsRegion);
  const time = String(record.eventTime);
  const [date] = time.split('T');
  const [year, month, day] = date!.split('-');
  const stamp = time.replace(/[-:]/g, '').slice(0, 13);
  const unique = sequence.toString(36).padStart(16, '0');
  return `AWSLogs/${account}/CloudTrail/${region}/${year}/${month}/${day}/${account}_CloudTrail_${region}_${stamp}Z_${unique}.json.gz`;
}

export function ensureCorpus(root: string, records: number): Corpus {
  const directory = path.join(root, `events-${records}`);
  const marker = path.join(directory, 'corpus.json');
  if (existsSync(marker)) {
    const corpus = JSON.parse(readFileSync(marker, 'utf8')) as Corpus & { version: number };
    if (corpus.version === VERSION) return corpus;
  }
  rmSync(directory, { recursive: true, force: true });
  const next = random(7);
  const streams = new Map<string, Record<string, unknown>[]>();
  let files = 0;
  let bytes = 0;
  let uncompressedBytes = 0;
  const flush = (batch: Record<string, unknown>[]) => {
    const target = path.join(directory, 'logs', objectPath(batch[0]!, files));
    mkdirSync(path.dirname(target), { recursive: true });
    const body = JSON.stringify({ Records: batch });
    const gz = gzipSync(body);
    writeFileSync(target, gz);
    files++;
    bytes += gz.length;
    uncompressedBytes += Buffer.byteLength(body);
  };
  for (let index = 0; index < records; index++) {
    const record = syntheticRecord(next, index);
    const key = `${record.recipientAccountId}/${record.awsRegion}`;
    const batch = streams.get(key) ?? [];
    batch.push(record);
    streams.set(key, batch);
    if (batch.length >= RECORDS_PER_FILE) {
      flush(batch);
      streams.set(key, []);
    }
  }
  for (const batch of streams.values()) if (batch.length) flush(batch);
  const corpus: Corpus = { directory: path.join(directory, 'logs'), records, files, bytes, uncompressedBytes };
  writeFileSync(marker, JSON.stringify({ ...corpus, version: VERSION }));
  return corpus;
}
