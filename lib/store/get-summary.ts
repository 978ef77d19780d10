import type { FilterField, View } from '@/lib/view/view-schema';
import { compileView } from '@/lib/view/view-to-sql';
import { withConnection } from './database';
import { readRows } from './rows';

export interface FacetValue {
  /** The value to filter by (`none` for a missing error code). */
  value: string;
  /** What to show, where it differs from the value (an identity's display name). */
  label: string | null;
  count: number;
}

export interface Facet {
  values: FacetValue[];
  /** Events whose value is not among the top ones. */
  others: number;
}

export interface TimeBuckets {
  bucketSeconds: number;
  /** Bucket start instants, ISO UTC, oldest first. */
  starts: string[];
}

export interface Summary {
  total: number;
  facets: Partial<Record<FilterField, Facet>>;
  histogram: TimeBuckets & { counts: { total: number; errors: number }[] };
  services: TimeBuckets & { series: { eventSource: string; serviceName: string; counts: number[] }[] };
}

/** Each facet: the value and label expressions, and the rows they are read from. */
const FACETS: [FilterField, string, string, string?][] = [
  ['service', 'event_source', 'any_value(service_name)'],
  ['event', 'event_name', 'NULL'],
  ['identity', 'identity_key', 'any_value(identity_display)'],
  ['identityType', 'identity_type', 'NULL'],
  ['account', 'account_id', 'NULL'],
  ['region', 'aws_region', 'NULL'],
  ['ip', 'source_ip', 'NULL'],
  ['agent', 'user_agent', 'NULL'],
  ['error', "coalesce(error_code, 'none')", 'NULL'],
  ['readOnly', 'CAST(read_only AS VARCHAR)', 'NULL'],
  ['eventType', 'event_type', 'NULL'],
  ['category', 'event_category', 'NULL'],
  ['redacted', 'kind', 'NULL', '(SELECT unnest(redaction_kinds) AS kind FROM scope)'],
];
const TOP = 10;
const BUCKET_SIZES = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400];
const MAX_BUCKETS = 80;

/** The smallest bucket size that covers the span in at most MAX_BUCKETS buckets. */
export function bucketSecondsFor(spanSeconds: number): number {
  return BUCKET_SIZES.find((size) => spanSeconds / size <= MAX_BUCKETS) ?? BUCKET_SIZES.at(-1)!;
}

function bucketStarts(fromSeconds: number, toSeconds: number, size: number): number[] {
  const first = Math.floor(fromSeconds / size) * size;
  const starts: number[] = [];
  for (let start = first; start <= toSeconds; start += size) starts.push(start);
  return starts;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Everything the dataset page draws besides the rows, from one compilation of the view. */
export async function getSummary(datasetId: string, view: View): Promise<Summary> {
  const { where, params } = compileView(datasetId, view);
  return withConnection(async (connection) => {
    const [range] = await readRows(
      connection,
      `SELECT count(*) AS total, epoch(min(event_time)) AS first, epoch(max(event_time)) AS last FROM events WHERE ${where}`,
      params,
    );
    const total = Number(range?.total ?? 0);

    const facetSql = FACETS.map(
      ([field, value, label, rows = 'scope']) =>
        `SELECT '${field}' AS field, CAST(${value} AS VARCHAR) AS value, ${label} AS label, count(*) AS n FROM ${rows} GROUP BY 2`,
    ).join(' UNION ALL ');
    const facetRows = await readRows(
      connection,
      `WITH scope AS MATERIALIZED (
         SELECT event_source, service_name, event_name, identity_key, identity_display, identity_type, account_id, aws_region,
                source_ip, user_agent, error_code, read_only, event_type, event_category, redaction_kinds
           FROM events WHERE ${where}),
            counted AS (${facetSql})
       SELECT field, value, label, n, row_number() OVER (PARTITION BY field ORDER BY n DESC, value) AS rank
         FROM counted WHERE value IS NOT NULL`,
      params,
    );
    const facets: Partial<Record<FilterField, Facet>> = {};
    for (const row of facetRows) {
      const facet = (facets[row.field as FilterField] ??= { values: [], others: 0 });
      if (Number(row.rank) <= TOP) facet.values.push({ value: String(row.value), label: row.label === null ? null : String(row.label), count: Number(row.n) });
      else facet.others += Number(row.n);
    }
    for (const facet of Object.values(facets)) facet.values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

    if (range?.first === null || range?.first === undefined) {
      return { total, facets, histogram: { bucketSeconds: 0, starts: [], counts: [] }, services: { bucketSeconds: 0, starts: [], series: [] } };
    }
    const first = Number(range.first);
    const last = Number(range.last);
    const size = bucketSecondsFor(last - first);
    const starts = bucketStarts(first, last, size);
    const slot = (seconds: number) => Math.round((seconds - starts[0]!) / size);

    const histogramRows = await readRows(
      connection,
      `SELECT floor(epoch(event_time) / ?) * ? AS bucket, count(*) AS n, count(error_code) AS errors
         FROM events WHERE ${where} AND event_time IS NOT NULL GROUP BY 1`,
      [size, size, ...params],
    );
    const counts = starts.map(() => ({ total: 0, errors: 0 }));
    for (const row of histogramRows) counts[slot(Number(row.bucket))] = { total: Number(row.n), errors: Number(row.errors) };

    const serviceRows = await readRows(
      connection,
      `WITH scope AS (SELECT event_source, service_name, event_time FROM events WHERE ${where} AND event_time IS NOT NULL),
            top AS (SELECT event_source FROM scope GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${TOP})
       SELECT coalesce(top.event_source, '(others)') AS source, any_value(CASE WHEN top.event_source IS NULL THEN 'Other services' ELSE scope.service_name END) AS name,
              floor(epoch(event_time) / ?) * ? AS bucket, count(*) AS n
         FROM scope LEFT JOIN top ON scope.event_source IS NOT DISTINCT FROM top.event_source
        GROUP BY 1, 3`,
      [...params, size, size],
    );
    const series = new Map<string, { eventSource: string; serviceName: string; counts: number[] }>();
    for (const row of serviceRows) {
      const key = String(row.source);
      const entry = series.get(key) ?? { eventSource: key, serviceName: String(row.name ?? key), counts: starts.map(() => 0) };
      entry.counts[slot(Number(row.bucket))] = Number(row.n);
      series.set(key, entry);
    }
    const sumOf = (values: number[]) => values.reduce((sum, n) => sum + n, 0);
    return {
      total,
      facets,
      histogram: { bucketSeconds: size, starts: starts.map(iso), counts },
      services: {
        bucketSeconds: size,
        starts: starts.map(iso),
        series: [...series.values()].sort((a, b) => sumOf(b.counts) - sumOf(a.counts)),
      },
    };
  });
}
