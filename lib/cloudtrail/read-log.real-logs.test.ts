import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, readAll } from './test-support';

const REAL_LOGS = path.join(process.cwd(), 'fixtures/real-logs');
const files = readdirSync(REAL_LOGS, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.jsonl')).sort();

async function readFixture(name: string) {
  const text = readFileSync(path.join(REAL_LOGS, name), 'utf8');
  return { lines: text.split('\n').filter(Boolean).length, items: await readAll(text, { file: name }) };
}

describe('the real logs', () => {
  it('are all here: 415 records in 38 files', async () => {
    expect(files).toHaveLength(38);
    let total = 0;
    for (const name of files) total += (await readFixture(name)).lines;
    expect(total).toBe(415);
  });

  it.each(files)('%s loads every line as an event with a time', async (name) => {
    const { lines, items } = await readFixture(name);
    expect(items.filter((item) => item.type !== 'event')).toEqual([]);
    const events = eventsOf(items);
    expect(events).toHaveLength(lines);
    expect(events.filter((event) => event.eventTime === null)).toEqual([]);
    expect(events.filter((event) => event.eventSource === null || event.eventName === null)).toEqual([]);
  });

  it('reads the shipper-rewritten OTRF records from @timestamp and says so on each', async () => {
    const events = eventsOf((await readFixture('otrf-security-datasets/ec2_proxy_s3_exfiltration_2020-09-14011940.jsonl')).items);
    expect(events).toHaveLength(103);
    expect(events.every((event) => event.repairs.some((repair) => repair.kind === 'time-substituted'))).toBe(true);
    expect(events[0]!.eventTime).toBe('2020-09-14T00:44:23.000Z');
  });

  it('reads the non-ISO eventTime of the bedrock records as UTC, keeping both records that share an eventID', async () => {
    const guardrail = eventsOf((await readFixture('stratus-red-team/aws.defense-evasion.bedrock-guardrail-delete.jsonl')).items);
    const logging = eventsOf((await readFixture('stratus-red-team/aws.defense-evasion.bedrock-model-invocation-logging-delete.jsonl')).items);
    expect(guardrail[0]).toMatchObject({ eventTime: '2025-03-26T16:43:57.000Z', repairs: [{ kind: 'time-format' }] });
    expect(guardrail[0]!.eventId).toBe(logging[0]!.eventId);
    expect(guardrail[0]!.contentHash).not.toBe(logging[0]!.contentHash);
  });

  it('finds the redactions real services write', async () => {
    const kinds = new Map<string, Set<string>>();
    for (const name of files) {
      for (const event of eventsOf((await readFixture(name)).items)) {
        for (const redaction of event.redactions) {
          kinds.set(redaction.kind, (kinds.get(redaction.kind) ?? new Set()).add(`${event.eventName} ${redaction.path}`));
        }
      }
    }
    expect([...kinds.keys()].sort()).toEqual(['hidden']);
    expect([...kinds.get('hidden')!]).toEqual(expect.arrayContaining(['SendCommand requestParameters.parameters']));
  });
});
