import type { FilterField, View } from '@/lib/view/view-schema';
import { parseView } from '@/lib/view/url-codec';
import { compileView } from '@/lib/view/view-to-sql';
import { type Facet, getFacets } from './get-facets';
import { withConnection } from './database';
import { readRows } from './rows';
import { type TimeBuckets, bucketSecondsFor, bucketStarts, isoOfSeconds as iso } from './time-buckets';

export interface Summary {
  total: number;
  facets: Partial<Record<FilterField, Facet>>;
  histogram: TimeBuckets & { counts: { total: number; errors: number }[] };
  services: TimeBuckets & { series: { eventSource: string; serviceName: string; counts: number[] }[] };
}

const TOP_SERVICES = 10;
const MAX_BUCKETS = 80;

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
    const size = bucketSecondsFor(first, last, MAX_BUCKETS);
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
