import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CloudTrailEvent } from '@/lib/cloudtrail/normalize';

/** One line of a scratch file: the events table's columns, by name, as the loader writes them. */
function lineOf(event: CloudTrailEvent, seq: number): string {
  const p = event.principal;
  return JSON.stringify({
    seq,
    event_id: event.eventId,
    event_id_derived: event.eventIdDerived,
    // Epoch milliseconds: DuckDB's text form of a timestamp has no room for years past 9999.
    event_time: event.eventTime === null ? null : Date.parse(event.eventTime),
    event_version: event.eventVersion,
    event_source: event.eventSource,
    service_name: event.serviceName,
    event_name: event.eventName,
    aws_region: event.awsRegion,
    source_ip: event.sourceIPAddress,
    user_agent: event.userAgent,
    error_code: event.errorCode,
    error_message: event.errorMessage,
    read_only: event.readOnly,
    event_type: event.eventType,
    event_category: event.eventCategory,
    account_id: event.accountId,
    request_id: event.requestId,
    shared_event_id: event.sharedEventId,
    resource_arns: event.resourceArns,
    identity_key: p.key,
    identity_type: p.type,
    identity_display: p.display,
    identity_arn: p.arn,
    access_key_id: p.accessKeyId,
    session_name: p.sessionName,
    mfa_authenticated: p.mfaAuthenticated,
    session_created_at: p.sessionCreatedAt,
    source_identity: p.sourceIdentity,
    redaction_kinds: [...new Set(event.redactions.map((r) => r.kind))],
    redactions: event.redactions,
    repaired: event.repairs.length > 0,
    repairs: event.repairs,
    content_hash: event.contentHash,
    source_file: event.source.file,
    source_line: event.source.at.line,
    record: event.json,
  });
}

/** How DuckDB reads each column of a line. */
const LINE_COLUMNS = {
  seq: 'BIGINT',
  event_id: 'VARCHAR',
  event_id_derived: 'BOOLEAN',
  event_time: 'BIGINT',
  event_version: 'VARCHAR',
  event_source: 'VARCHAR',
  service_name: 'VARCHAR',
  event_name: 'VARCHAR',
  aws_region: 'VARCHAR',
  source_ip: 'VARCHAR',
  user_agent: 'VARCHAR',
  error_code: 'VARCHAR',
  error_message: 'VARCHAR',
  read_only: 'BOOLEAN',
  event_type: 'VARCHAR',
  event_category: 'VARCHAR',
  account_id: 'VARCHAR',
  request_id: 'VARCHAR',
  shared_event_id: 'VARCHAR',
  resource_arns: 'VARCHAR[]',
  identity_key: 'VARCHAR',
  identity_type: 'VARCHAR',
  identity_display: 'VARCHAR',
  identity_arn: 'VARCHAR',
  access_key_id: 'VARCHAR',
  session_name: 'VARCHAR',
  mfa_authenticated: 'BOOLEAN',
  session_created_at: 'VARCHAR',
  source_identity: 'VARCHAR',
  redaction_kinds: 'VARCHAR[]',
  redactions: 'JSON',
  repaired: 'BOOLEAN',
  repairs: 'JSON',
  content_hash: 'VARCHAR',
  source_file: 'VARCHAR',
  source_line: 'INTEGER',
  record: 'VARCHAR',
} as const;

const NAMES = Object.keys(LINE_COLUMNS);
const INSERT_SQL = `
  INSERT INTO events (dataset_id, ${NAMES.join(', ')}, search_text)
  SELECT ?, * REPLACE (epoch_ms(event_time) AS event_time), lower(record)
    FROM read_json(?, format = 'newline_delimited', maximum_object_size = ?,
                   columns = {${Object.entries(LINE_COLUMNS).map(([name, type]) => `'${name}': '${type}'`).join(', ')}})`;

// Each commit costs more as the table grows, so chunks double: the first rows show up soon, and a
// large reading commits a few times only.
const FIRST_CHUNK_ROWS = 50_000;
const MAX_CHUNK_ROWS = 200_000;
const LINES_PER_WRITE = 500;

/**
 * Loads events into the store in chunks through DuckDB's own JSON reader: rows go as JSON Lines to
 * a scratch file, and each full chunk is inserted by DuckDB on its own threads while the reader
 * parses the next. Appending row by row ran on the JavaScript thread and cost more than reading.
 */
export class EventLoader {
  private lines: string[] = [];
  private rowsInChunk = 0;
  private chunkRows = FIRST_CHUNK_ROWS;
  private chunkCount = 0;
  private chunkFile = '';
  private fd: number | null = null;
  private loading: Promise<void> = Promise.resolve();
  private readonly maxLineBytes: number;

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly datasetId: string,
    private readonly scratchDir: string,
    /** Characters the reader lets a record have; a line holds one record and its columns. */
    maxRecordChars: number,
  ) {
    // Escaping and UTF-8 can take a character to six bytes; the other columns are small beside it.
    this.maxLineBytes = maxRecordChars * 6 + 1024 ** 2;
    mkdirSync(scratchDir, { recursive: true });
  }

  /** Queues one event; `seq` is its place in the dataset's reading order. */
  write(event: CloudTrailEvent, seq: number): void {
    this.lines.push(lineOf(event, seq));
    this.rowsInChunk++;
    if (this.lines.length >= LINES_PER_WRITE) this.writeLines();
  }

  /** Hands a full chunk to DuckDB, first waiting for the one before: at most one chunk loads at a time. */
  async settle(): Promise<void> {
    if (this.rowsInChunk < this.chunkRows) return;
    this.chunkRows = Math.min(this.chunkRows * 2, MAX_CHUNK_ROWS);
    await this.startLoad();
  }

  /** Loads everything queued and waits for it; what was read stays, also after a cancel. */
  async close(): Promise<void> {
    try {
      if (this.rowsInChunk > 0) await this.startLoad();
      await this.loading;
    } finally {
      if (this.fd !== null) closeSync(this.fd);
      rmSync(this.scratchDir, { recursive: true, force: true });
    }
  }

  private writeLines(): void {
    if (this.fd === null) {
      this.chunkFile = path.join(this.scratchDir, `chunk-${++this.chunkCount}.jsonl`);
      this.fd = openSync(this.chunkFile, 'w');
    }
    writeSync(this.fd, `${this.lines.join('\n')}\n`);
    this.lines = [];
  }

  private async startLoad(): Promise<void> {
    if (this.lines.length) this.writeLines();
    closeSync(this.fd!);
    this.fd = null;
    this.rowsInChunk = 0;
    const file = this.chunkFile;
    await this.loading;
    this.loading = this.connection.run(INSERT_SQL, [this.datasetId, file, this.maxLineBytes]).then(() => rmSync(file, { force: true }));
    // A failure surfaces when the load is next awaited, not as an unhandled rejection meanwhile.
    this.loading.catch(() => undefined);
  }
}
