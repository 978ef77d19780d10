// Rebuilds fixtures/s3-layout: the stratus-red-team records laid out as a trail delivers them to S3,
// one gzipped {"Records":[...]} file per account, region and hour, each day with a digest beside it.
// Usage: node scripts/build-sample-tree.mjs
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const SOURCE = 'fixtures/real-logs/stratus-red-team';
const TARGET = 'fixtures/s3-layout';
const BUCKET = 'example-trail-bucket';
// One account is laid out as an organization trail delivers it.
const ORGANIZATION = { account: '457448411975', id: 'o-exampleorg1' };

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const instant = (time) => new Date(time.includes('T') ? time : `${time.replace(' ', 'T').slice(0, 23)}Z`);
const compact = (date) => date.toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';

const records = readdirSync(SOURCE)
  .sort()
  .flatMap((file) => readFileSync(path.join(SOURCE, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));

const groups = new Map();
for (const record of records) {
  const hour = instant(record.eventTime).toISOString().slice(0, 13);
  const key = `${record.recipientAccountId}|${record.awsRegion}|${hour}`;
  groups.set(key, [...(groups.get(key) ?? []), record]);
}

rmSync(TARGET, { recursive: true, force: true });
const digests = new Map();
for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const [account, region, hour] = key.split('|');
  const newest = new Date(Math.max(...group.map((record) => instant(record.eventTime).getTime())));
  const delivered = new Date(Math.ceil((newest.getTime() + 5 * 60_000) / 300_000) * 300_000);
  const [year, month, day] = hour.slice(0, 10).split('-');
  const prefix = account === ORGANIZATION.account ? `AWSLogs/${ORGANIZATION.id}/${account}` : `AWSLogs/${account}`;
  const body = JSON.stringify({ Records: group });
  const unique = sha256(body).replace(/[^a-zA-Z0-9]/g, '').slice(0, 16);
  const name = `${account}_CloudTrail_${region}_${compact(delivered)}_${unique}.json.gz`;
  const object = `${prefix}/CloudTrail/${region}/${year}/${month}/${day}/${name}`;
  mkdirSync(path.join(TARGET, path.dirname(object)), { recursive: true });
  writeFileSync(path.join(TARGET, object), gzipSync(body));

  const digestKey = `${prefix}|${account}|${region}|${year}/${month}/${day}`;
  const times = group.map((record) => instant(record.eventTime).toISOString());
  digests.set(digestKey, [
    ...(digests.get(digestKey) ?? []),
    { s3Bucket: BUCKET, s3Object: object, hashValue: sha256(body), hashAlgorithm: 'SHA-256', newestEventTime: times.sort().at(-1), oldestEventTime: times[0] },
  ]);
}

for (const [key, logFiles] of digests) {
  const [prefix, account, region, date] = key.split('|');
  const end = new Date(`${date.replace(/\//g, '-')}T23:59:59Z`);
  const name = `${account}_CloudTrail-Digest_${region}_stratus-trail_${region}_${compact(end).slice(0, 13)}59Z.json.gz`;
  const object = `${prefix}/CloudTrail-Digest/${region}/${date}/${name}`;
  const digest = {
    awsAccountId: account,
    digestStartTime: `${date.replace(/\//g, '-')}T00:00:00Z`,
    digestEndTime: end.toISOString().replace('.000', ''),
    digestS3Bucket: BUCKET,
    digestS3Object: object,
    digestPublicKeyFingerprint: '0123456789abcdef0123456789abcdef',
    digestSignatureAlgorithm: 'SHA256withRSA',
    newestEventTime: logFiles.map((file) => file.newestEventTime).sort().at(-1),
    oldestEventTime: logFiles.map((file) => file.oldestEventTime).sort()[0],
    previousDigestS3Bucket: null,
    previousDigestS3Object: null,
    previousDigestHashValue: null,
    previousDigestHashAlgorithm: null,
    previousDigestSignature: null,
    logFiles,
  };
  mkdirSync(path.join(TARGET, path.dirname(object)), { recursive: true });
  writeFileSync(path.join(TARGET, object), gzipSync(JSON.stringify(digest)));
}
console.log(`${records.length} records in ${groups.size} log files and ${digests.size} digests under ${TARGET}`);
