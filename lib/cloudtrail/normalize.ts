import { createHash } from 'node:crypto';
import { readEventTime } from './event-time';
import { type Principal, principalOf } from './identity';
import { asBoolean, asRecord, asString } from './json-values';
import { type Redaction, findRedactions } from './redaction';
import type { Repair } from './repair';
import { serviceName } from './service-names';
import { type SourcePosition, positionWithin } from './source-position';

/** One CloudTrail record with the columns the dashboard filters, sorts and groups on. */
export interface CloudTrailEvent {
  eventId: string;
  /** True when the record had no eventID and the ID was derived from its content. */
  eventIdDerived: boolean;
  eventTime: string | null;
  eventVersion: string | null;
  eventSource: string | null;
  serviceName: string | null;
  eventName: string | null;
  awsRegion: string | null;
  sourceIPAddress: string | null;
  userAgent: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  readOnly: boolean | null;
  eventType: string | null;
  eventCategory: string | null;
  accountId: string | null;
  requestId: string | null;
  sharedEventId: string | null;
  /** ARNs named in `resources`. */
  resourceArns: string[];
  principal: Principal;
  redactions: Redaction[];
  repairs: Repair[];
  /** SHA-256 of the record in canonical form: identical records share it, whatever their spacing. */
  contentHash: string;
  /** The record's JSON text as read, or written anew when a repair changed it. */
  json: string;
  source: { file: string; at: SourcePosition };
}

const PADDED_ID_FIELDS = ['eventID', 'requestID', 'sharedEventID'] as const;

/** Turns a parsed record into an event, trimming padded IDs and reading its time and identity. */
export function normalizeRecord(
  record: Record<string, unknown>,
  text: string,
  source: { file: string; at: SourcePosition },
  syntaxRepairs: Repair[],
): CloudTrailEvent {
  const trimmed = trimPaddedIds(record, text, source.at);
  const repairs = [...syntaxRepairs, ...trimmed];
  const compact = JSON.stringify(record);
  // The text as read is kept unless the record had to change; then it is written out anew.
  const json = syntaxRepairs.length || trimmed.length ? compact : text;
  const time = readEventTime(record);
  if (time.note) {
    repairs.push({ kind: time.iso && 'eventTime' in record ? 'time-format' : 'time-substituted', message: time.note, at: source.at });
  }
  // Hashed in one canonical form, so that the same record written with other spacing is the same.
  const contentHash = createHash('sha256').update(compact).digest('hex');
  const eventId = asString(record.eventID);
  const principal = principalOf(record);
  const insight = asRecord(record.insightDetails);

  return {
    eventId: eventId || `derived-${contentHash.slice(0, 32)}`,
    eventIdDerived: !eventId,
    eventTime: time.iso,
    eventVersion: asString(record.eventVersion),
    eventSource: asString(record.eventSource) ?? asString(insight?.eventSource),
    serviceName: serviceName(asString(record.eventSource) ?? asString(insight?.eventSource)),
    eventName: asString(record.eventName) ?? asString(insight?.eventName),
    awsRegion: asString(record.awsRegion),
    sourceIPAddress: asString(record.sourceIPAddress),
    userAgent: asString(record.userAgent),
    errorCode: asString(record.errorCode),
    errorMessage: asString(record.errorMessage),
    readOnly: asBoolean(record.readOnly),
    eventType: asString(record.eventType),
    eventCategory: asString(record.eventCategory),
    accountId: asString(record.recipientAccountId) ?? principal.accountId,
    requestId: asString(record.requestID),
    sharedEventId: asString(record.sharedEventID),
    resourceArns: resourceArnsOf(record.resources),
    principal,
    redactions: findRedactions(record, json),
    repairs,
    contentHash,
    json,
    source,
  };
}

function resourceArnsOf(resources: unknown): string[] {
  if (!Array.isArray(resources)) return [];
  return resources.flatMap((resource) => {
    const arn = asString(asRecord(resource)?.ARN);
    return arn ? [arn] : [];
  });
}

function trimPaddedIds(record: Record<string, unknown>, text: string, start: SourcePosition): Repair[] {
  const repairs: Repair[] = [];
  for (const field of PADDED_ID_FIELDS) {
    const value = record[field];
    if (typeof value !== 'string' || value.trim() === value) continue;
    record[field] = value.trim();
    const keyAt = text.search(new RegExp(`"${field}"\\s*:`));
    repairs.push({
      kind: 'whitespace-padding',
      message: `trimmed whitespace around ${field} "${value}"`,
      at: positionWithin(text, Math.max(keyAt, 0), start),
    });
  }
  return repairs;
}
