import type { View } from '@/lib/view/view-schema';
import { compileView } from '@/lib/view/view-to-sql';
import { streamRows } from './database';
import type { Row } from './rows';

/** The columns of a tabular export, in order: what an analyst pastes into a spreadsheet or a ticket. */
export const EXPORT_COLUMNS = [
  'eventTime',
  'eventSource',
  'eventName',
  'identityType',
  'identity',
  'identityArn',
  'accessKeyId',
  'sourceIPAddress',
  'userAgent',
  'awsRegion',
  'accountId',
  'errorCode',
  'errorMessage',
  'readOnly',
  'eventId',
  'requestId',
  'redactions',
  'repaired',
] as const;

const SELECT_EXPORT = `
  iso_utc(event_time) AS "eventTime", event_source AS "eventSource", event_name AS "eventName",
  identity_type AS "identityType", identity_display AS "identity", identity_arn AS "identityArn", access_key_id AS "accessKeyId",
  source_ip AS "sourceIPAddress", user_agent AS "userAgent", aws_region AS "awsRegion", account_id AS "accountId",
  error_code AS "errorCode", error_message AS "errorMessage", CAST(read_only AS VARCHAR) AS "readOnly", event_id AS "eventId",
  request_id AS "requestId", array_to_string(redaction_kinds, ' ') AS "redactions", CAST(repaired AS VARCHAR) AS "repaired",
  CAST(json(record) AS VARCHAR) AS "record"`;

/** Every row a view selects, in its order and ignoring its paging, with the record as compact JSON. */
export function streamExportRows(datasetId: string, view: View): AsyncGenerator<Row[]> {
  const { where, params, orderBy } = compileView(datasetId, view);
  return streamRows(`SELECT ${SELECT_EXPORT} FROM events WHERE ${where} ORDER BY ${orderBy}`, params);
}
