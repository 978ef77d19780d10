import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFile } from './database';
import { listDatasets } from './datasets';

const dataDir = mkdtempSync(path.join(tmpdir(), 'trailscope-db-'));
afterAll(async () => {
  await closeDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('opening the store', () => {
  it('sets aside a store written by another version instead of misreading it', async () => {
    process.env.TRAILSCOPE_DATA_DIR = dataDir;
    const old = await DuckDBInstance.create(databaseFile());
    const connection = await old.connect();
    await connection.run(`CREATE TABLE datasets (id VARCHAR, name VARCHAR)`);
    await connection.run(`INSERT INTO datasets VALUES ('old', 'from an older version')`);
    connection.closeSync();
    old.closeSync();

    expect(await listDatasets()).toEqual([]);
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('trailscope.duckdb.schema-0-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(databaseFile())).toBe(true);

    await closeDatabases();
    expect(await listDatasets()).toEqual([]);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('trailscope.duckdb.schema-'))).toHaveLength(1);
  });
});
