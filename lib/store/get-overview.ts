import type { View } from '@/lib/view/view-schema';
import { type CompiledView, compileView } from '@/lib/view/view-to-sql';
import { queryRows } from './database';
import { type RedactionSummary, getRedactionSummary } from './get-redaction-summary';
import { type CountedValue, type Row, isoSql, numberOf, textOf, toCountedValue } from './rows';

export interface Overview {
  total: number;
  errors: number;
  repaired: number;
  redacted: number;
  timeRange: { from: string | null; to: string | null };
  /** Global services and console sign-ins log in us-east-1: without it, much is missing. */
  hasUsEast1: boolean;
  /** All accounts and regions seen; the lists below hold the busiest of them. */
  accountCount: number;
  regionCount: number;
  organizations: string[];
  accounts: CountedValue[];
  regions: CountedValue[];
  eventVersions: CountedValue[];
  services: CountedValue[];
  identities: CountedValue[];
  perDay: { day: string; count: number; errors: number }[];
  /** The longest silences: whole hours without a single event between the first and last. */
  gaps: { from: string; to: string; hours: number }[];
  gapCount: number;
  redactions: RedactionSummary;
  /** What reading the files set aside, for the whole dataset (not the view). */
  reading: { duplicates: number; quarantined: number; failedFiles: number; skipped: { reason: string; count: number }[] };
}

const TOP = 12;
/** Regions and accounts are few and each one matters to coverage: show up to this many. */
const TOP_PLACES = 40;
const MAX_DAYS = 1000;
const MAX_GAPS = 8;
const DIMENSIONS = ['account', 'region', 'eventVersion', 'service', 'identity'] as const;
type Dimension = (typeof DIMENSIONS)[number];

function getTotals({ where, params }: CompiledView): Promise<Row[]> {
  return queryRows(
    `SELECT count(*) AS total, count(error_code) AS errors, count(*) FILTER (WHERE repaired) AS repaired,
            count(*) FILTER (WHERE len(redaction_kinds) > 0) AS redacted,
            count(*) FILTER (WHERE aws_region = 'us-east-1') AS us_east_1,
            count(DISTINCT account_id) AS account_count, count(DISTINCT aws_region) AS region_count,
            ${isoSql('min(event_time)')} AS first, ${isoSql('max(event_time)')} AS last
       FROM events WHERE ${where}`,
    params,
  );
}

/** Accounts, regions, eventVersions, services and identities, each counted in the same single pass. */
async function getBreakdowns({ where, params }: CompiledView): Promise<Record<Dimension, CountedValue[]>> {
  const rows = await queryRows(
    `SELECT CASE WHEN grouping(account_id) = 0 THEN 'account' WHEN grouping(aws_region) = 0 THEN 'region'
                 WHEN grouping(event_version) = 0 THEN 'eventVersion' WHEN grouping(event_source) = 0 THEN 'service'
                 ELSE 'identity' END AS dimension,
            coalesce(account_id, aws_region, event_version, event_source, identity_key) AS value,
            CASE WHEN grouping(event_source) = 0 THEN any_value(service_name) WHEN grouping(identity_key) = 0 THEN any_value(identity_display) END AS label,
            count(*) AS n, count(error_code) AS errors
       FROM events WHERE ${where}
      GROUP BY GROUPING SETS ((account_id), (aws_region), (event_version), (event_source), (identity_key))
    QUALIFY row_number() OVER (PARTITION BY dimension ORDER BY n DESC, value) <= CASE WHEN dimension IN ('account', 'region') THEN ${TOP_PLACES} ELSE ${TOP} END
      ORDER BY dimension, n DESC, value`,
    params,
  );
  const breakdowns = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, [] as CountedValue[]])) as Record<Dimension, CountedValue[]>;
  for (const row of rows) breakdowns[row.dimension as Dimension].push(toCountedValue(row));
  return breakdowns;
}

function getPerDay({ where, params }: CompiledView): Promise<Row[]> {
  return queryRows(
    `SELECT strftime(date_trunc('day', event_time), '%Y-%m-%d') AS day, count(*) AS n, count(error_code) AS errors
       FROM events WHERE ${where} AND event_time IS NOT NULL GROUP BY 1 ORDER BY 1 DESC LIMIT ${MAX_DAYS}`,
    params,
  );
}

/** Silences between active hours; the hours are few, so the ordered scan runs over them, not the events. */
function getGaps({ where, params }: CompiledView): Promise<Row[]> {
  return queryRows(
    `WITH hours AS (SELECT DISTINCT date_trunc('hour', event_time) AS hour FROM events WHERE ${where} AND event_time IS NOT NULL),
          silences AS (SELECT lag(hour) OVER (ORDER BY hour) + INTERVAL 1 HOUR AS silent_from, hour AS silent_to FROM hours)
     SELECT ${isoSql('silent_from')} AS silent_from, ${isoSql('silent_to')} AS silent_to,
            (epoch(silent_to) - epoch(silent_from)) / 3600 AS hours, count(*) OVER () AS gap_count
       FROM silences WHERE silent_to > silent_from ORDER BY hours DESC, silent_from LIMIT ${MAX_GAPS}`,
    params,
  );
}

/** Organization trails deliver under `AWSLogs/o-…/`: the file names say which organization. */
function getOrganizations({ where, params }: CompiledView): Promise<Row[]> {
  return queryRows(
    `SELECT DISTINCT regexp_extract(source_file, '(^|/)AWSLogs/(o-[a-z0-9]{10,32})/', 2) AS organization
       FROM (SELECT DISTINCT source_file FROM events WHERE ${where}) WHERE organization <> '' ORDER BY 1`,
    params,
  );
}

function getReading(datasetId: string): Promise<Row[]> {
  return queryRows(
    `SELECT d.duplicates, d.quarantined, d.files_failed, p.reason, p.n
       FROM datasets d LEFT JOIN (SELECT dataset_id, reason, count(*) AS n FROM problems WHERE kind = 'skipped' GROUP BY ALL) p
         ON p.dataset_id = d.id
      WHERE d.id = ? ORDER BY p.n DESC NULLS LAST, p.reason`,
    [datasetId],
  );
}

/** Coverage at a glance for a view: where and when the logs come from, and what they leave out. */
export async function getOverview(datasetId: string, view: View): Promise<Overview> {
  const compiled = compileView(datasetId, view);
  const [[totals], breakdowns, days, gaps, organizations, reading, redactions] = await Promise.all([
    getTotals(compiled),
    getBreakdowns(compiled),
    getPerDay(compiled),
    getGaps(compiled),
    getOrganizations(compiled),
    getReading(datasetId),
    getRedactionSummary(compiled),
  ]);
  return {
    total: numberOf(totals?.total),
    errors: numberOf(totals?.errors),
    repaired: numberOf(totals?.repaired),
    redacted: numberOf(totals?.redacted),
    timeRange: { from: textOf(totals?.first), to: textOf(totals?.last) },
    hasUsEast1: numberOf(totals?.us_east_1) > 0,
    accountCount: numberOf(totals?.account_count),
    regionCount: numberOf(totals?.region_count),
    organizations: organizations.map((row) => String(row.organization)),
    accounts: breakdowns.account,
    regions: breakdowns.region,
    eventVersions: breakdowns.eventVersion,
    services: breakdowns.service,
    identities: breakdowns.identity,
    perDay: days.reverse().map((row) => ({ day: String(row.day), count: numberOf(row.n), errors: numberOf(row.errors) })),
    gaps: gaps.map((row) => ({ from: String(row.silent_from), to: String(row.silent_to), hours: numberOf(row.hours) })),
    gapCount: numberOf(gaps[0]?.gap_count),
    redactions,
    reading: {
      duplicates: numberOf(reading[0]?.duplicates),
      quarantined: numberOf(reading[0]?.quarantined),
      failedFiles: numberOf(reading[0]?.files_failed),
      skipped: reading.filter((row) => row.reason !== null).map((row) => ({ reason: String(row.reason), count: numberOf(row.n) })),
    },
  };
}
