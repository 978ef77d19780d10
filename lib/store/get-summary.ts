import type { FilterField, View } from '@/lib/view/view-schema';
import { parseView } from '@/lib/view/url-codec';
import { compileView } from '@/lib/view/view-to-sql';
import { type Facet, getFacets } from './get-facets';
import { withConnection } from './database';
import { readRows } from './rows';

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

const TOP_SERVICES = 10;
const BUCKET_SIZES = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 7 * 86_400, 30 * 86_400];
const MAX_BUCKETS = 80;

const YEAR = 365 * 86_400;

const bucketCount = (first: number, last: number, size: number) => Math.floor(last / size) - Math.floor(first / size) + 1;

/** The smallest bucket size that covers the span in at most MAX_BUCKETS aligned buckets (whole years past the list). */
function bucketSecondsFor(first: number, last: number): number {
  return (
    BUCKET_SIZES.find((size) => bucketCount(first, last, size) <= MAX_BUCKETS) ??
    Math.ceil((last - first) / (MAX_BUCKETS - 1) / YEAR) * YEAR
  );
}

function bucketStarts(fromSeconds: number, toSeconds: number, size: number): number[] {
  const first = Math.floor(fromSeconds / size) * size;
  const starts: number[] = [];
  for (let start = first; start <= toSeconds; start += size) starts.push(start);
  return starts;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Whether a view selects every event of its dataset, whatever it sorts, pages or shows. */
function selectsEverything(view: View): boolean {
  return Object.values(view.filters).every((values) => !values?.length) && view.fields.length === 0 && !view.q && !view.from && !view.to;
}

/** Everything the dataset page draws besides the rows; the whole dataset's from what was kept. */
export async function getSummary(datasetId: string, view: View): Promise<Summary> {
  if (selectsEverything(view)) {
    const kept = await withConnection((connection) =>
      readRows(connection, 'SELECT summary FROM dataset_summaries WHERE dataset_id = ?', [datasetId]),
    );
    if (kept[0]) return JSON.parse(String(kept[0].summary)) as Summary;
  }
  return computeSummary(datasetId, view);
}

/** Computes and keeps the summary of all the dataset's events, when a reading ends. */
export async function keepWholeDatasetSummary(datasetId: string): Promise<void> {
  const summary = await computeSummary(datasetId, parseView({}));
  await withConnection((connection) =>
    connection.run('INSERT OR REPLACE INTO dataset_summaries VALUES (?, ?)', [datasetId, JSON.stringify(summary)]),
  );
}

/** The summary of a view, from one compilation of it. */
async function computeSummary(datasetId: string, view: View): Promise<Summary> {
  const compiled = compileView(datasetId, view);
  const { where, params } = compiled;
  const facetsPromise = getFacets(compiled);
  return withConnection(async (connection) => {
    const [range] = await readRows(
      connection,
      `SELECT count(*) AS total, epoch(min(event_time)) AS first, epoch(max(event_time)) AS last FROM events WHERE ${where}`,
      params,
    );
    const total = Number(range?.total ?? 0);

    const facets = await facetsPromise;

    if (range?.first === null || range?.first === undefined) {
      return { total, facets, histogram: { bucketSeconds: 0, starts: [], counts: [] }, services: { bucketSeconds: 0, starts: [], series: [] } };
    }
    const first = Number(range.first);
    const last = Number(range.last);
    const size = bucketSecondsFor(first, last);
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
            top AS (SELECT event_source FROM scope GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${TOP_SERVICES})
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
