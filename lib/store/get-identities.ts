import type { IdentityListParams, IdentitySort } from '@/lib/view/page-params';
import type { View } from '@/lib/view/view-schema';
import { compileView, escapeLike } from '@/lib/view/view-to-sql';
import { queryRows } from './database';
import { type Row, isoSql, numberOf, textOf } from './rows';

export interface IdentitySummary {
  key: string;
  display: string;
  type: string;
  /** The principal's own account (from its ARN), else the account that recorded its events. */
  account: string | null;
  events: number;
  errors: number;
  services: number;
  sourceIps: number;
  first: string | null;
  last: string | null;
  /** True when any of its events says MFA was used; false when they say it was not; null when none say. */
  mfa: boolean | null;
  redacted: number;
}

export interface IdentityList {
  /** Identities matching the view and the search, of which at most LIMIT are listed. */
  total: number;
  identities: IdentitySummary[];
}

const LIMIT = 500;

const SORT_COLUMN: Record<IdentitySort, string> = {
  events: 'events',
  errors: 'errors',
  services: 'services',
  ips: 'source_ips',
  redacted: 'redacted',
  first: 'first_time',
  last: 'last_time',
  name: 'lower(display)',
};

/** Console sign-ins say whether MFA was used in additionalEventData; the JSON is read for those rows only. */
export const MFA_SEEN_SQL = `coalesce(mfa_authenticated, CASE WHEN event_name = 'ConsoleLogin'
  THEN json_extract_string(record, '$.additionalEventData.MFAUsed') = 'Yes' END)`;

export function toIdentitySummary(row: Row): IdentitySummary {
  return {
    key: String(row.identity_key),
    display: String(row.display),
    type: String(row.type),
    account: textOf(row.account),
    events: numberOf(row.events),
    errors: numberOf(row.errors),
    services: numberOf(row.services),
    sourceIps: numberOf(row.source_ips),
    first: textOf(row.first),
    last: textOf(row.last),
    mfa: typeof row.mfa === 'boolean' ? row.mfa : null,
    redacted: numberOf(row.redacted),
  };
}

/** Per-principal columns, aggregated over the rows a query selects. */
export const IDENTITY_AGGREGATES = `
  any_value(identity_display) AS display, any_value(identity_type) AS type,
  coalesce(nullif(split_part(any_value(identity_arn), ':', 5), ''), any_value(account_id)) AS account,
  count(*) AS events, count(error_code) AS errors, count(DISTINCT event_source) AS services,
  count(DISTINCT source_ip) AS source_ips, min(event_time) AS first_time, max(event_time) AS last_time,
  ${isoSql('min(event_time)')} AS first, ${isoSql('max(event_time)')} AS last,
  bool_or(${MFA_SEEN_SQL}) AS mfa, count(*) FILTER (WHERE len(redaction_kinds) > 0) AS redacted`;

/** Every principal under a view, one row each, searched by name or key and ordered in SQL. */
export async function getIdentities(datasetId: string, view: View, list: IdentityListParams): Promise<IdentityList> {
  const { where, params } = compileView(datasetId, view);
  const search = list.find ? ` AND (identity_display ILIKE ? ESCAPE '\\' OR identity_key ILIKE ? ESCAPE '\\')` : '';
  const pattern = list.find ? `%${escapeLike(list.find)}%` : '';
  const direction = list.dir === 'asc' ? 'ASC' : 'DESC';
  const rows = await queryRows(
    `SELECT identity_key, ${IDENTITY_AGGREGATES}, count(*) OVER () AS listed
       FROM events WHERE ${where}${search}
      GROUP BY identity_key
      ORDER BY ${SORT_COLUMN[list.by]} ${direction} NULLS LAST, identity_key
      LIMIT ${LIMIT}`,
    list.find ? [...params, pattern, pattern] : params,
  );
  return { total: numberOf(rows[0]?.listed), identities: rows.map(toIdentitySummary) };
}
