import { queryRows } from './database';
import { type Row, isoSql, numberOf, textOf } from './rows';

/** Calls that hand out temporary credentials, whose key later signs the session's own calls. */
const ISSUING_EVENTS = ['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken'];
const ISSUING_IN = `event_name IN (${ISSUING_EVENTS.map((name) => `'${name}'`).join(', ')})`;
const ISSUED_KEY = `json_extract_string(record, '$.responseElements.credentials.accessKeyId')`;

/** How two records were tied: the issued key seen again, or the same call delivered to another account. */
export type Tie = 'key' | 'sharedEventID';

export interface IssuedSession {
  eventId: string;
  eventName: string;
  eventTime: string | null;
  accountId: string | null;
  roleArn: string | null;
  sessionName: string | null;
  /** A refused call issues nothing. */
  errorCode: string | null;
  /** The key the call handed out; null when no copy of the call in the dataset shows it. */
  accessKeyId: string | null;
  tiedBy: Tie | null;
  /** What the issued key did afterwards, null when it signed nothing in the dataset. */
  used: { identityKey: string; identityDisplay: string; accountId: string | null; events: number; errors: number; services: number; first: string | null; last: string | null } | null;
}

export interface SessionOrigin {
  accessKeyId: string;
  /** This identity's events signed with the key, and the first of them. */
  events: number;
  firstUsed: string | null;
  createdBy: { eventId: string; eventName: string; eventTime: string | null; identityKey: string; identityDisplay: string; identityType: string; accountId: string | null; sourceIp: string | null; tiedBy: Tie }[];
}

export interface SessionChains {
  issued: IssuedSession[];
  origins: SessionOrigin[];
}

const LIMIT = 200;

/**
 * Sessions an identity started (its AssumeRole-like calls, the key each issued and what that key did),
 * and where its own keys came from. When the caller's copy of a cross-account call lacks the
 * credentials, the role owner's copy (same sharedEventID) supplies them. JSON is read only from
 * credential-issuing calls.
 */
function getIssued(datasetId: string, identityKey: string): Promise<Row[]> {
  return queryRows(
    `WITH started AS (
       SELECT seq, event_id, event_name, event_time, account_id, shared_event_id, error_code, ${ISSUED_KEY} AS own_key,
              json_extract_string(record, '$.requestParameters.roleArn') AS role_arn,
              json_extract_string(record, '$.requestParameters.roleSessionName') AS session_name
         FROM events WHERE dataset_id = ? AND identity_key = ? AND ${ISSUING_IN}),
     copies AS (
       SELECT shared_event_id, max(${ISSUED_KEY}) AS copy_key FROM events
        WHERE dataset_id = ? AND ${ISSUING_IN} AND shared_event_id IN (SELECT shared_event_id FROM started WHERE own_key IS NULL)
        GROUP BY 1),
     issued AS (
       SELECT started.*, coalesce(own_key, copy_key) AS issued_key,
              CASE WHEN own_key IS NOT NULL THEN 'key' WHEN copy_key IS NOT NULL THEN 'sharedEventID' END AS tied_by
         FROM started LEFT JOIN copies USING (shared_event_id)),
     used AS (
       SELECT access_key_id, any_value(identity_key) AS used_key, any_value(identity_display) AS used_display,
              any_value(account_id) AS used_account, count(*) AS n, count(error_code) AS errors, count(DISTINCT event_source) AS services,
              ${isoSql('min(event_time)')} AS first, ${isoSql('max(event_time)')} AS last
         FROM events WHERE dataset_id = ? AND access_key_id IN (SELECT issued_key FROM issued) GROUP BY 1)
     SELECT issued.*, ${isoSql('issued.event_time')} AS event_time_iso, used.*
       FROM issued LEFT JOIN used ON used.access_key_id = issued.issued_key
      ORDER BY issued.event_time, issued.seq LIMIT ${LIMIT}`,
    [datasetId, identityKey, datasetId, datasetId],
  );
}

/** The calls that issued this identity's keys, with their copies in other accounts. */
function getOrigins(datasetId: string, identityKey: string): Promise<Row[]> {
  return queryRows(
    `WITH keys AS (
       SELECT access_key_id, count(*) AS n, ${isoSql('min(event_time)')} AS first_used FROM events
        WHERE dataset_id = ? AND identity_key = ? AND access_key_id IS NOT NULL GROUP BY 1),
     matched AS (
       SELECT seq, shared_event_id, ${ISSUED_KEY} AS issued_key FROM events
        WHERE dataset_id = ? AND ${ISSUING_IN} AND ${ISSUED_KEY} IN (SELECT access_key_id FROM keys)),
     linked AS (
       SELECT seq, issued_key, 'key' AS tied_by FROM matched
       UNION ALL
       SELECT events.seq, matched.issued_key, 'sharedEventID' FROM matched JOIN events ON events.shared_event_id = matched.shared_event_id
        WHERE events.dataset_id = ? AND events.${ISSUING_IN} AND events.seq <> matched.seq)
     SELECT linked.issued_key, linked.tied_by, keys.n, keys.first_used, events.event_id, events.event_name,
            ${isoSql('events.event_time')} AS event_time_iso, events.identity_key, events.identity_display, events.identity_type,
            events.account_id, events.source_ip
       FROM linked JOIN events ON events.dataset_id = ? AND events.seq = linked.seq JOIN keys ON keys.access_key_id = linked.issued_key
      ORDER BY keys.first_used, linked.issued_key, linked.tied_by, events.event_time, events.seq LIMIT ${LIMIT}`,
    [datasetId, identityKey, datasetId, datasetId, datasetId],
  );
}

function toIssued(row: Row): IssuedSession {
  return {
    eventId: String(row.event_id),
    eventName: String(row.event_name),
    eventTime: textOf(row.event_time_iso),
    accountId: textOf(row.account_id),
    roleArn: textOf(row.role_arn),
    sessionName: textOf(row.session_name),
    errorCode: textOf(row.error_code),
    accessKeyId: textOf(row.issued_key),
    tiedBy: textOf(row.tied_by) as Tie | null,
    used:
      row.used_key === null || row.used_key === undefined
        ? null
        : {
            identityKey: String(row.used_key),
            identityDisplay: String(row.used_display),
            accountId: textOf(row.used_account),
            events: numberOf(row.n),
            errors: numberOf(row.errors),
            services: numberOf(row.services),
            first: textOf(row.first),
            last: textOf(row.last),
          },
  };
}

function toOrigins(rows: Row[]): SessionOrigin[] {
  const origins = new Map<string, SessionOrigin>();
  for (const row of rows) {
    const key = String(row.issued_key);
    const origin = origins.get(key) ?? { accessKeyId: key, events: numberOf(row.n), firstUsed: textOf(row.first_used), createdBy: [] };
    origin.createdBy.push({
      eventId: String(row.event_id),
      eventName: String(row.event_name),
      eventTime: textOf(row.event_time_iso),
      identityKey: String(row.identity_key),
      identityDisplay: String(row.identity_display),
      identityType: String(row.identity_type),
      accountId: textOf(row.account_id),
      sourceIp: textOf(row.source_ip),
      tiedBy: row.tied_by as Tie,
    });
    origins.set(key, origin);
  }
  return [...origins.values()];
}

/** Session chains through one identity, over the whole dataset: a chain's ends may lie outside a view's time range. */
export async function getSessionChains(datasetId: string, identityKey: string): Promise<SessionChains> {
  const [issued, origins] = await Promise.all([getIssued(datasetId, identityKey), getOrigins(datasetId, identityKey)]);
  return { issued: issued.map(toIssued), origins: toOrigins(origins) };
}
