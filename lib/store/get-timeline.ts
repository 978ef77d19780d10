import type { LaneOrder } from '@/lib/view/page-params';
import type { View } from '@/lib/view/view-schema';
import { compileView } from '@/lib/view/view-to-sql';
import { queryRows } from './database';
import { isoSql, numberOf, textOf } from './rows';
import { type TimeBuckets, bucketSecondsFor, bucketStarts, isoOfSeconds } from './time-buckets';

export interface Lane {
  eventSource: string;
  serviceName: string;
  total: number;
  errors: number;
  redacted: number;
  first: string | null;
  last: string | null;
  /** Per bucket: events, errors among them, and events with a redaction. */
  counts: number[];
  errorCounts: number[];
  redactedCounts: number[];
}

export type Timeline = TimeBuckets & { lanes: Lane[] };

const MAX_BUCKETS = 120;

const ORDER_BY: Record<LaneOrder, string> = {
  volume: 'lanes.n DESC, lanes.source',
  errors: 'lanes.errors DESC, lanes.n DESC, lanes.source',
  first: 'lanes.first_time, lanes.source',
  name: 'lower(lanes.label), lanes.source',
};

/**
 * One lane per service over the view's time span, in one pass: the (service, bucket) counts and the
 * service totals come from the same GROUPING SETS, so lanes are ordered in SQL.
 */
export async function getTimeline(datasetId: string, view: View, order: LaneOrder = 'volume'): Promise<Timeline> {
  const { where, params } = compileView(datasetId, view);
  const [range] = await queryRows(
    `SELECT epoch(min(event_time)) AS first, epoch(max(event_time)) AS last FROM events WHERE ${where}`,
    params,
  );
  if (range?.first === null || range?.first === undefined) return { bucketSeconds: 0, starts: [], lanes: [] };
  const size = bucketSecondsFor(Number(range.first), Number(range.last), MAX_BUCKETS);
  const starts = bucketStarts(Number(range.first), Number(range.last), size);
  const rows = await queryRows(
    `WITH counted AS (
       SELECT source, bucket, any_value(service_name) AS label, count(*) AS n, count(error_code) AS errors,
              count(*) FILTER (WHERE len(redaction_kinds) > 0) AS redacted,
              min(event_time) AS first_time, max(event_time) AS last_time, grouping(bucket) AS is_total
         FROM (SELECT coalesce(event_source, '(none)') AS source, floor(epoch(event_time) / ?) * ? AS bucket, service_name,
                      error_code, redaction_kinds, event_time
                 FROM events WHERE ${where} AND event_time IS NOT NULL)
        GROUP BY GROUPING SETS ((source), (source, bucket)))
     SELECT lanes.source, lanes.label, lanes.n, lanes.errors, lanes.redacted, lanes.first_time,
            ${isoSql('lanes.first_time')} AS first, ${isoSql('lanes.last_time')} AS last,
            list(buckets.bucket ORDER BY buckets.bucket) AS buckets, list(buckets.n ORDER BY buckets.bucket) AS counts,
            list(buckets.errors ORDER BY buckets.bucket) AS error_counts, list(buckets.redacted ORDER BY buckets.bucket) AS redacted_counts
       FROM counted AS lanes JOIN counted AS buckets ON buckets.source = lanes.source AND buckets.is_total = 0
      WHERE lanes.is_total = 1
      GROUP BY lanes.source, lanes.label, lanes.n, lanes.errors, lanes.redacted, lanes.first_time, lanes.last_time
      ORDER BY ${ORDER_BY[order]}`,
    [size, size, ...params],
  );
  const slot = (seconds: number) => Math.round((seconds - starts[0]!) / size);
  const spread = (buckets: unknown[], values: unknown[]) => {
    const counts = starts.map(() => 0);
    buckets.forEach((bucket, index) => (counts[slot(Number(bucket))] = numberOf(values[index])));
    return counts;
  };
  return {
    bucketSeconds: size,
    starts: starts.map(isoOfSeconds),
    lanes: rows.map((row) => {
      const buckets = row.buckets as unknown[];
      return {
        eventSource: String(row.source),
        serviceName: textOf(row.label) ?? String(row.source),
        total: numberOf(row.n),
        errors: numberOf(row.errors),
        redacted: numberOf(row.redacted),
        first: textOf(row.first),
        last: textOf(row.last),
        counts: spread(buckets, row.counts as unknown[]),
        errorCounts: spread(buckets, row.error_counts as unknown[]),
        redactedCounts: spread(buckets, row.redacted_counts as unknown[]),
      };
    }),
  };
}
