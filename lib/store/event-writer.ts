import { type DuckDBAppender, type DuckDBConnection, DuckDBTimestampValue, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { CloudTrailEvent } from '@/lib/cloudtrail/normalize';

const LIST_OF_VARCHAR = LIST(VARCHAR);

function appendText(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

function appendFlag(appender: DuckDBAppender, value: boolean | null): void {
  if (value === null) appender.appendNull();
  else appender.appendBoolean(value);
}

/** Appends events to the events table in the column order of the schema. */
export class EventWriter {
  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly datasetId: string,
  ) {}

  static async open(connection: DuckDBConnection, datasetId: string): Promise<EventWriter> {
    return new EventWriter(await connection.createAppender('events'), datasetId);
  }

  /** Appends one event; `seq` is its place in the dataset's reading order. */
  write(event: CloudTrailEvent, seq: number): void {
    const a = this.appender;
    const p = event.principal;
    a.appendVarchar(this.datasetId);
    a.appendBigInt(BigInt(seq));
    a.appendVarchar(event.eventId);
    a.appendBoolean(event.eventIdDerived);
    if (event.eventTime) a.appendTimestamp(new DuckDBTimestampValue(BigInt(Date.parse(event.eventTime)) * 1000n));
    else a.appendNull();
    for (const text of [
      event.eventVersion,
      event.eventSource,
      event.serviceName,
      event.eventName,
      event.awsRegion,
      event.sourceIPAddress,
      event.userAgent,
      event.errorCode,
      event.errorMessage,
    ]) {
      appendText(a, text);
    }
    appendFlag(a, event.readOnly);
    for (const text of [event.eventType, event.eventCategory, event.accountId, event.requestId, event.sharedEventId]) {
      appendText(a, text);
    }
    a.appendList(listValue(event.resourceArns), LIST_OF_VARCHAR);
    a.appendVarchar(p.key);
    a.appendVarchar(p.type);
    a.appendVarchar(p.display);
    appendText(a, p.arn);
    appendText(a, p.accessKeyId);
    appendText(a, p.sessionName);
    appendFlag(a, p.mfaAuthenticated);
    appendText(a, p.sessionCreatedAt);
    appendText(a, p.sourceIdentity);
    a.appendList(listValue([...new Set(event.redactions.map((r) => r.kind))]), LIST_OF_VARCHAR);
    a.appendVarchar(JSON.stringify(event.redactions));
    a.appendBoolean(event.repairs.length > 0);
    a.appendVarchar(JSON.stringify(event.repairs));
    a.appendVarchar(event.contentHash);
    a.appendVarchar(event.source.file);
    a.appendInteger(event.source.at.line);
    a.appendVarchar(event.json);
    a.appendVarchar(event.json.toLowerCase());
    a.endRow();
  }

  flush(): void {
    this.appender.flushSync();
  }

  close(): void {
    this.appender.closeSync();
  }
}
