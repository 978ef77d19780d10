import type { FilterField } from '@/lib/view/view-schema';
import type { CompiledView } from '@/lib/view/view-to-sql';
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
  /** Events whose value is not among the top ones (for redactions: redacted spots). */
  others: number;
}

/** Each facet: the value and label expressions, and the rows they are counted over. */
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
  ['redacted', 'kind', 'NULL', 'unnest(redaction_kinds) AS kind'],
];
const TOP = 10;

/**
 * The top values of every facet under a view, each counted by its own top-N query. The queries
 * run side by side on separate connections, so DuckDB spreads them over the cores.
 */
export async function getFacets(compiled: CompiledView): Promise<Partial<Record<FilterField, Facet>>> {
  const { where, params } = compiled;
  const counted = await Promise.all(
    FACETS.map(([field, value, label, source]) =>
      withConnection((connection) =>
        readRows(
          connection,
          `SELECT CAST(${value} AS VARCHAR) AS value, ${label} AS label, count(*) AS n, sum(count(*)) OVER () AS everything
             FROM ${source ? `(SELECT ${source} FROM events WHERE ${where})` : `events WHERE ${where}`}
            GROUP BY 1 HAVING value IS NOT NULL ORDER BY n DESC, value LIMIT ${TOP}`,
          params,
        ).then((rows) => [field, rows] as const),
      ),
    ),
  );
  const facets: Partial<Record<FilterField, Facet>> = {};
  for (const [field, rows] of counted) {
    if (rows.length === 0) continue;
    const values = rows.map((row) => ({ value: String(row.value), label: row.label === null ? null : String(row.label), count: Number(row.n) }));
    const shown = values.reduce((sum, item) => sum + item.count, 0);
    facets[field] = { values, others: Number(rows[0]!.everything) - shown };
  }
  return facets;
}
