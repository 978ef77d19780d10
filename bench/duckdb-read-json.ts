/**
 * DuckDB's own loader on the same files: read_json over the gzipped envelopes, one row per record
 * kept as JSON, into a table. The schema is declared (Records as JSON[]) because sampling it breaks
 * on varied real files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export async function measureDuckDbReadJson(directory: string): Promise<{ seconds: number; records: number }> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'trailscope-readjson-'));
  const instance = await DuckDBInstance.create(path.join(scratch, 'bench.duckdb'));
  const connection = await instance.connect();
  try {
    const started = performance.now();
    await connection.run(
      `CREATE TABLE records AS
         SELECT unnest(Records) AS record
           FROM read_json(?, columns = {'Records': 'JSON[]'}, format = 'auto', maximum_object_size = 104857600)`,
      [path.join(directory, '**', '*.json.gz')],
    );
    const seconds = (performance.now() - started) / 1000;
    const reader = await connection.runAndReadAll('SELECT count(*) AS n FROM records');
    return { seconds, records: Number(reader.getRowObjectsJson()[0]?.n ?? 0) };
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
  }
}
