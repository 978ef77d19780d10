import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { serverConfig } from '@/lib/config';
import type { SqlParam } from '@/lib/view/view-to-sql';
import type { Row } from './rows';
import { SCHEMA_STATEMENTS } from './schema';

// Next.js may load this module more than once in one process (instrumentation and routes are
// bundled apart), so the open database lives on globalThis, keyed by file.
const OPEN = Symbol.for('trailscope.store.open');
type OpenDatabases = Map<string, Promise<DuckDBInstance>>;
const registry = globalThis as typeof globalThis & { [OPEN]?: OpenDatabases };

export function databaseFile(): string {
  return path.join(serverConfig().dataDir, 'trailscope.duckdb');
}

async function open(file: string): Promise<DuckDBInstance> {
  mkdirSync(path.dirname(file), { recursive: true });
  // DuckDB would otherwise take up to 80% of the machine's memory for its buffers.
  const instance = await DuckDBInstance.create(file, { memory_limit: serverConfig().dbMemoryLimit });
  const connection = await instance.connect();
  try {
    for (const statement of SCHEMA_STATEMENTS) await connection.run(statement);
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

/** Runs `work` on a fresh connection to the store. */
export async function withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await connect();
  try {
    return await work(connection);
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
