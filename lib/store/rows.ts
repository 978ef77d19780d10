import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlParam } from '@/lib/view/view-to-sql';

/** A result row with JSON-safe values (BIGINT counts arrive as numbers or numeric strings). */
export type Row = Record<string, unknown>;

export async function readRows(connection: DuckDBConnection, sql: string, params: SqlParam[] = []): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Row[];
}

/** SQL that renders a TIMESTAMP column as ISO 8601 UTC text, as the API hands times out. */
export const isoSql = (expression: string) => `strftime(${expression}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

export const textOf = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export const numberOf = (value: unknown): number => Number(value ?? 0);

/** A value counted under a view: `label` is what to show where it differs from the value. */
export interface CountedValue {
  value: string | null;
  label: string | null;
  count: number;
  errors: number;
}

export function toCountedValue(row: Row): CountedValue {
  return { value: textOf(row.value), label: textOf(row.label), count: numberOf(row.n), errors: numberOf(row.errors) };
}
