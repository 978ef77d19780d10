import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { serverConfig } from '@/lib/config';
import type { SqlParam } from '@/lib/view/view-to-sql';
import { type Row, readRows } from './rows';
import { SCHEMA_STATEMENTS, SCHEMA_VERSION } from './schema';

// Next.js may load this module more than once in one process (instrumentation and routes are
// bundled apart), so the open database lives on globalThis, keyed by file.
const OPEN = Symbol.for('trailscope.store.open');
type OpenDatabases = Map<string, Promise<DuckDBInstance>>;
const registry = globalThis as typeof globalThis & { [OPEN]?: OpenDatabases };

export function databaseFile(): string {
  return path.join(serverConfig().dataDir, 'trailscope.duckdb');
}

async function createInstance(file: string): Promise<DuckDBInstance> {
  // DuckDB would otherwise take up to 80% of the machine's memory for its buffers.
  return DuckDBInstance.create(file, {
    memory_limit: serverConfig().dbMemoryLimit,
    // A large commit may otherwise skip the write-ahead log and wait for a checkpoint that other
    // open transactions put off: a server killed meanwhile lost rows it had already shown.
    auto_checkpoint_skip_wal_threshold: String(2 ** 62),
  });
}

/** The schema version a store was written with: null for a new store, 0 for one from before versions. */
async function storedVersion(connection: DuckDBConnection): Promise<number | null> {
  const tables = (await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables()`)).getRowObjectsJson().map((row) => row.table_name);
  if (!tables.includes('datasets')) return null;
  if (!tables.includes('store_meta')) return 0;
  const [row] = (await connection.runAndReadAll('SELECT max(schema_version) AS version FROM store_meta')).getRowObjectsJson();
  return Number(row?.version ?? 0);
}

async function open(file: string): Promise<DuckDBInstance> {
  mkdirSync(path.dirname(file), { recursive: true });
  let instance = await createInstance(file);
  let connection = await instance.connect();
  const version = await storedVersion(connection);
  if (version !== null && version !== SCHEMA_VERSION) {
    // Written by another version of Trailscope: keep it aside untouched and start a new store.
    connection.closeSync();
    instance.closeSync();
    const aside = `${file}.schema-${version}-${Date.now()}`;
    renameSync(file, aside);
    if (existsSync(`${file}.wal`)) renameSync(`${file}.wal`, `${aside}.wal`);
    console.warn(`Trailscope: ${file} was written by another version; it is kept as ${aside} and a new store begins.`);
    instance = await createInstance(file);
    connection = await instance.connect();
  }
  try {
    for (const statement of SCHEMA_STATEMENTS) await connection.run(statement);
    if (version !== SCHEMA_VERSION) await connection.run('INSERT INTO store_meta VALUES (?)', [SCHEMA_VERSION]);
  } finally {
    connection.closeSync();
  }
  return instance;
}

/** A fresh connection to the store, opening (and migrating) it on first use; the caller closes it. */
async function connect(): Promise<DuckDBConnection> {
  const file = databaseFile();
  const databases = (registry[OPEN] ??= new Map());
  let instance = databases.get(file);
  if (!instance) {
    instance = open(file);
    databases.set(file, instance);
    instance.catch(() => databases.delete(file));
  }
  return (await instance).connect();
}

/** DuckDB gives up on a database after a write fails (a full disk) and refuses every later use of it. */
function isInvalidated(error: unknown): boolean {
  return error instanceof Error && error.message.includes('database has been invalidated');
}

/** Drops a store DuckDB gave up on, so that the next use opens it again (once there is room) instead of failing forever. */
async function forgetInvalidated(error: unknown): Promise<void> {
  if (!isInvalidated(error)) return;
  const databases = registry[OPEN];
  const file = databaseFile();
  const instance = databases?.get(file);
  if (!instance) return;
  databases!.delete(file);
  console.error(`Trailscope: the store stopped after a failed write (is the disk full?); it is opened again at the next request. ${error instanceof Error ? error.message : error}`);
  (await instance.catch(() => null))?.closeSync();
}

/** Runs `work` on a fresh connection to the store. */
export async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await connect();
  try {
    return await work(connection);
  } catch (error) {
    await forgetInvalidated(error);
    throw error;
  } finally {
    connection.closeSync();
  }
}

/** The rows of a query in batches, read as they are consumed, so a large result never sits in memory. */
export async function* streamRows(sql: string, params: SqlParam[]): AsyncGenerator<Row[]> {
  const connection = await connect();
  try {
    const result = await connection.stream(sql, params);
    for await (const rows of result.yieldRowObjectJson()) yield rows as Row[];
  } finally {
    connection.closeSync();
  }
}

/** Closes every open store (tests use it between data directories). */
export async function closeDatabases(): Promise<void> {
  const databases = registry[OPEN];
  if (!databases) return;
  for (const instance of databases.values()) (await instance).closeSync();
  databases.clear();
}

/** One query on its own connection, so that several can run side by side over the cores. */
export function queryRows(sql: string, params: SqlParam[] = []): Promise<Row[]> {
  return withConnection((connection) => readRows(connection, sql, params));
}
