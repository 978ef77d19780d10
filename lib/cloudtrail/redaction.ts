import { asRecord } from './json-values';

/** Why a value is missing from a record. */
export type RedactionKind = 'hidden' | 'protected' | 'masked' | 'omitted' | 'response-not-logged';

export interface Redaction {
  path: string;
  kind: RedactionKind;
}

export const REDACTION_EXPLANATIONS: Record<RedactionKind, string> = {
  hidden: 'Hidden by AWS: CloudTrail replaced a sensitive value before delivery.',
  protected: 'Protected in published examples: AWS documentation replaced the value with [PROTECTED].',
  masked: 'Masked: part of the value was replaced (*** or "redacted") by the publisher.',
  omitted: 'Omitted for size: the field was over CloudTrail’s size limit and was left out.',
  'response-not-logged': 'Response not logged: the service logs the request of this API but never its response.',
};

const HIDDEN_VALUES = new Set(['HIDDEN_DUE_TO_SECURITY_REASONS', 'Value hidden due to security reasons.', '<sensitiveDataRemoved>']);

/**
 * APIs whose responses a service documents as redacted in CloudTrail: the request is logged, the
 * response is always null. Source: the Amazon Connect CloudTrail page ("the request parameters are
 * logged, but the responses are redacted").
 */
const RESPONSE_NOT_LOGGED: Record<string, ReadonlySet<string>> = {
  'connect.amazonaws.com': new Set([
    'DescribeContactFlow', 'DescribeRoutingProfile', 'DescribeUser', 'DescribeUserHierarchyGroup',
    'DescribeUserHierarchyStructure', 'GetContactAttributes', 'GetCurrentMetricData', 'GetFederationToken',
    'GetMetricData', 'ListContactFlows', 'ListHoursOfOperations', 'ListPhoneNumbers', 'ListPrompts', 'ListQueues',
    'ListRoutingProfiles', 'ListRoutingProfileQueues', 'ListSecurityProfiles', 'ListTagsForResource',
    'ListUserHierarchyGroups', 'ListUsers',
  ]),
  'participant.connect.amazonaws.com': new Set(['GetTranscript']),
};

function kindOfString(value: string): RedactionKind | null {
  if (HIDDEN_VALUES.has(value)) return 'hidden';
  if (value === '[PROTECTED]') return 'protected';
  if (value.includes('***') || /^redacted$/i.test(value)) return 'masked';
  return null;
}

// Text that any redacted value contains. Most records contain none of it, and then their values
// need no walk; plain substring searches are much faster than one regular expression here.
const MARKERS = ['HIDDEN_DUE_TO_SECURITY_REASONS', 'Value hidden due to security reasons.', '<sensitiveDataRemoved>', '[PROTECTED]', '***', 'edacted', 'EDACTED', '"omitted"'];

/** Every redacted spot in a record, as a JSON path and a kind. `text` is the record's JSON text. */
export function findRedactions(record: Record<string, unknown>, text: string): Redaction[] {
  const found: Redaction[] = [];
  if (MARKERS.some((marker) => text.includes(marker))) walk(record, '', found);
  const source = typeof record.eventSource === 'string' ? record.eventSource : '';
  const name = typeof record.eventName === 'string' ? record.eventName : '';
  if (record.responseElements === null && RESPONSE_NOT_LOGGED[source]?.has(name) && !record.errorCode) {
    found.push({ path: 'responseElements', kind: 'response-not-logged' });
  }
  return found;
}

function walk(value: unknown, path: string, found: Redaction[]): void {
  if (typeof value === 'string') {
    const kind = kindOfString(value);
    if (kind) found.push({ path, kind });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, found));
  } else {
    const object = asRecord(value);
    if (!object) return;
    if (object.omitted === true || object.omitted === 'true') found.push({ path, kind: 'omitted' });
    for (const [key, child] of Object.entries(object)) walk(child, path ? `${path}.${key}` : key, found);
  }
}
