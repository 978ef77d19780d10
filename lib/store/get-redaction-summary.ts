import type { CompiledView } from '@/lib/view/view-to-sql';
import { queryRows } from './database';
import { numberOf, textOf } from './rows';

export interface RedactionCount {
  value: string;
  /** A service's human name; null for kinds and paths. */
  label: string | null;
  /** Redacted spots: one event may hide several fields. */
  spots: number;
  events: number;
}

export interface RedactionSummary {
  byKind: RedactionCount[];
  byService: RedactionCount[];
  byPath: RedactionCount[];
}

const TOP = 15;
const DIMENSIONS = { kind: 'byKind', service: 'byService', path: 'byPath' } as const;

/**
 * What the logs did not let us see under a view: redacted spots per kind, per service and per field
 * path, in one pass over the events that have any (the JSON is only unpacked for those).
 */
export async function getRedactionSummary({ where, params }: CompiledView): Promise<RedactionSummary> {
  const rows = await queryRows(
    `WITH spotted AS (
       SELECT seq, event_source, service_name, spot.path AS path, spot.kind AS kind FROM (
         SELECT seq, event_source, service_name, unnest(from_json(redactions, '[{"path":"VARCHAR","kind":"VARCHAR"}]')) AS spot
           FROM events WHERE ${where} AND len(redaction_kinds) > 0))
     SELECT CASE WHEN grouping(kind) = 0 THEN 'kind' WHEN grouping(event_source) = 0 THEN 'service' ELSE 'path' END AS dimension,
            coalesce(kind, event_source, path) AS value,
            CASE WHEN grouping(event_source) = 0 THEN any_value(service_name) END AS label,
            count(*) AS spots, count(DISTINCT seq) AS events
       FROM spotted
      GROUP BY GROUPING SETS ((kind), (event_source), (path))
     HAVING value IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY dimension ORDER BY spots DESC, value) <= ${TOP}
      ORDER BY dimension, spots DESC, value`,
    params,
  );
  const summary: RedactionSummary = { byKind: [], byService: [], byPath: [] };
  for (const row of rows) {
    summary[DIMENSIONS[row.dimension as keyof typeof DIMENSIONS]].push({
      value: String(row.value),
      label: textOf(row.label),
      spots: numberOf(row.spots),
      events: numberOf(row.events),
    });
  }
  return summary;
}
