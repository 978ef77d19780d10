import { withFilter } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';
import { type SqlParam, compileView } from '@/lib/view/view-to-sql';
import { queryRows } from './database';
import { IDENTITY_AGGREGATES, type IdentitySummary, toIdentitySummary } from './get-identities';
import { type Sightings, getIdentitySightings } from './get-identity-sightings';
import { type RedactionSummary, getRedactionSummary } from './get-redaction-summary';
import { type SessionChains, getSessionChains } from './get-session-chains';
import { type CountedValue, type Row, isoSql, numberOf, textOf, toCountedValue } from './rows';

export interface RoleSession {
  sessionName: string;
  /** The session's ARN (`…:assumed-role/<role>/<session>`), to find its events by. */
  arn: string | null;
  events: number;
  errors: number;
  first: string | null;
  last: string | null;
  accessKeys: number;
  sourceIps: number;
  mfa: boolean | null;
  sourceIdentity: string | null;
}

export interface ConsoleSignIn {
  eventId: string;
  eventTime: string | null;
  sourceIp: string | null;
  /** `Success` or `Failure`, as the record says. */
  result: string | null;
  mfaUsed: string | null;
  errorMessage: string | null;
}

export interface IdentityDetail {
  /** Counts under the view (zero when the view hides all of its events). */
  principal: IdentitySummary;
  /** The ARNs its events carry: a role's session ARNs, a user's ARN. */
  arns: string[];
  sessions: RoleSession[];
  eventNames: CountedValue[];
  errors: { errorCode: string; eventName: string | null; count: number; last: string | null; message: string | null }[];
  sightings: Sightings;
  consoleSignIns: ConsoleSignIn[];
  redactions: RedactionSummary;
  chains: SessionChains;
}

const TOP_NAMES = 15;
const TOP_ERRORS = 50;
const MAX_ROWS = 200;

/** Its name and ARNs from the whole dataset, so a view that hides all its events still shows whom the page is about. */
function getHeader(datasetId: string, identityKey: string): Promise<Row[]> {
  return queryRows(
    `SELECT any_value(identity_display) AS display, any_value(identity_type) AS type,
            list(DISTINCT identity_arn ORDER BY identity_arn) FILTER (WHERE identity_arn IS NOT NULL)[1:10] AS arns
       FROM events WHERE dataset_id = ? AND identity_key = ?`,
    [datasetId, identityKey],
  );
}

function getPrincipal(where: string, params: SqlParam[]): Promise<Row[]> {
  return queryRows(`SELECT identity_key, ${IDENTITY_AGGREGATES} FROM events WHERE ${where} GROUP BY identity_key`, params);
}

function getSessions(where: string, params: SqlParam[]): Promise<Row[]> {
  return queryRows(
    `SELECT session_name, count(*) AS n, count(error_code) AS errors, ${isoSql('min(event_time)')} AS first, ${isoSql('max(event_time)')} AS last,
            count(DISTINCT access_key_id) AS keys, count(DISTINCT source_ip) AS ips, bool_or(mfa_authenticated) AS mfa,
            any_value(source_identity) AS source_identity, any_value(identity_arn) AS arn
       FROM events WHERE ${where} AND session_name IS NOT NULL
      GROUP BY 1 ORDER BY min(event_time), 1 LIMIT ${MAX_ROWS}`,
    params,
  );
}

function getEventNames(where: string, params: SqlParam[]): Promise<Row[]> {
  return queryRows(
    `SELECT event_name AS value, NULL AS label, count(*) AS n, count(error_code) AS errors
       FROM events WHERE ${where} GROUP BY 1 ORDER BY n DESC, 1 LIMIT ${TOP_NAMES}`,
    params,
  );
}

function getErrors(where: string, params: SqlParam[]): Promise<Row[]> {
  return queryRows(
    `SELECT error_code, event_name, count(*) AS n, ${isoSql('max(event_time)')} AS last, any_value(error_message) AS message
       FROM events WHERE ${where} AND error_code IS NOT NULL GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ${TOP_ERRORS}`,
    params,
  );
}

/** Console sign-ins keep their outcome and MFA in the record: read for those rows only. */
function getConsoleSignIns(where: string, params: SqlParam[]): Promise<Row[]> {
  return queryRows(
    `SELECT event_id, ${isoSql('event_time')} AS time, source_ip, error_message,
            json_extract_string(record, '$.responseElements.ConsoleLogin') AS result,
            json_extract_string(record, '$.additionalEventData.MFAUsed') AS mfa_used
       FROM events WHERE ${where} AND event_name = 'ConsoleLogin' ORDER BY event_time DESC, seq LIMIT ${MAX_ROWS}`,
    params,
  );
}

/** Everything about one principal under a view; null when the dataset has no event of it at all. */
export async function getIdentity(datasetId: string, identityKey: string, view: View): Promise<IdentityDetail | null> {
  const compiled = compileView(datasetId, withFilter(view, 'identity', identityKey));
  const { where, params } = compiled;
  const [[header], [inView], sessions, names, errors, sightings, signIns, redactions, chains] = await Promise.all([
    getHeader(datasetId, identityKey),
    getPrincipal(where, params),
    getSessions(where, params),
    getEventNames(where, params),
    getErrors(where, params),
    getIdentitySightings(datasetId, identityKey, compiled),
    getConsoleSignIns(where, params),
    getRedactionSummary(compiled),
    getSessionChains(datasetId, identityKey),
  ]);
  if (!header || header.type === null) return null;
  return {
    principal: toIdentitySummary(inView ?? { identity_key: identityKey, display: header.display, type: header.type }),
    arns: (header.arns as unknown[] | null)?.map(String) ?? [],
    sessions: sessions.map((row) => ({
      sessionName: String(row.session_name),
      arn: textOf(row.arn),
      events: numberOf(row.n),
      errors: numberOf(row.errors),
      first: textOf(row.first),
      last: textOf(row.last),
      accessKeys: numberOf(row.keys),
      sourceIps: numberOf(row.ips),
      mfa: typeof row.mfa === 'boolean' ? row.mfa : null,
      sourceIdentity: textOf(row.source_identity),
    })),
    eventNames: names.map(toCountedValue),
    errors: errors.map((row) => ({
      errorCode: String(row.error_code),
      eventName: textOf(row.event_name),
      count: numberOf(row.n),
      last: textOf(row.last),
      message: textOf(row.message),
    })),
    sightings,
    consoleSignIns: signIns.map((row) => ({
      eventId: String(row.event_id),
      eventTime: textOf(row.time),
      sourceIp: textOf(row.source_ip),
      result: textOf(row.result),
      mfaUsed: textOf(row.mfa_used),
      errorMessage: textOf(row.error_message),
    })),
    redactions,
    chains,
  };
}
