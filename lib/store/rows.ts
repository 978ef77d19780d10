import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlParam } from '@/lib/view/view-to-sql';

/** A result row with JSON-safe values (BIGINT counts arrive as numbers or numeric strings). */
export type Row = Record<string, unknown>;

export async function readRows(connection: DuckDBConnection, sql: string, params: SqlParam[] = []): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Row[];
}
