import { type FieldFilter, type FilterField, type FilterValue, RELATIVE_TIME, type SortField, type View } from './view-schema';

export type SqlParam = string | number | boolean;

export interface CompiledView {
  /** A boolean SQL expression over the events table, `dataset_id` included. */
  where: string;
  params: SqlParam[];
  orderBy: string;
}

/** Filters that compare one column with the given value. */
const COLUMN_OF: Partial<Record<FilterField, string>> = {
  service: 'event_source',
  event: 'event_name',
  identity: 'identity_key',
  identityType: 'identity_type',
  account: 'account_id',
  region: 'aws_region',
  ip: 'source_ip',
  agent: 'user_agent',
  accessKey: 'access_key_id',
  eventType: 'event_type',
  category: 'event_category',
};

const SORT_COLUMN: Record<SortField, string> = {
  time: 'event_time',
  service: 'event_source',
  event: 'event_name',
  identity: 'identity_display',
  region: 'aws_region',
  ip: 'source_ip',
  account: 'account_id',
  error: 'error_code',
};

/** One filter value as a SQL condition. Values only ever travel as bound parameters. */
function condition(field: FilterField, value: string, params: SqlParam[]): string {
  const column = COLUMN_OF[field];
  if (column) {
    params.push(value);
    return `${column} = ?`;
  }
  switch (field) {
    case 'error':
      if (value === 'any') return 'error_code IS NOT NULL';
      if (value === 'none') return 'error_code IS NULL';
      params.push(value);
      return 'error_code = ?';
    case 'readOnly':
      params.push(value === 'true');
      return 'read_only = ?';
    case 'repaired':
      params.push(value === 'true');
      return 'repaired = ?';
    case 'redacted':
      if (value === 'any') return 'len(redaction_kinds) > 0';
      params.push(value);
      return 'list_contains(redaction_kinds, ?)';
    case 'redactedPath':
      // The kinds list is cheap to test first; only events with a redaction have their spots unpacked.
      params.push(value);
      return `(len(redaction_kinds) > 0 AND list_contains(json_extract_string(redactions, '$[*].path'), ?))`;
    default:
      throw new Error(`no SQL for filter ${field}`);
  }
}

/** Included values of a field are alternatives (OR); excluded ones must all be absent (AND NOT). */
function fieldCondition(field: FilterField, values: FilterValue[], params: SqlParam[]): string {
  const parts: string[] = [];
  const included = values.filter((item) => !item.negate);
  if (included.length) parts.push(`(${included.map((item) => condition(field, item.value, params)).join(' OR ')})`);
  for (const item of values.filter((entry) => entry.negate)) {
    // NOT over a NULL comparison is NULL, which would drop rows lacking the field: keep them.
    parts.push(`(${condition(field, item.value, params)}) IS NOT TRUE`);
  }
  return parts.join(' AND ');
}

/** Text to match literally inside a LIKE pattern (with `ESCAPE '\\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** event_time holds UTC wall time; compare with UTC text so the session time zone never matters. */
function utcTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
}

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * A time bound as SQL. Relative bounds count back from just after the dataset's last event, so
 * `from=-24h` is the last day of the data, whenever the logs were written.
 */
function timeBound(bound: string, datasetId: string, params: SqlParam[]): string {
  const relative = RELATIVE_TIME.exec(bound);
  if (!relative) {
    params.push(utcTimestamp(bound));
    return 'CAST(? AS TIMESTAMP)';
  }
  const seconds = relative[1] === 'now' ? 0 : Number(relative[2]) * SECONDS_PER_UNIT[relative[3]!]!;
  params.push(datasetId, seconds);
  return `((SELECT max(event_time) FROM events WHERE dataset_id = ?) + INTERVAL 1 MICROSECOND - to_seconds(CAST(? AS BIGINT)))`;
}

/** A field path as a JSONPath with every key quoted, so keys like `x-amz-id-2` or `@timestamp` work. */
function jsonPath(path: string): string {
  const segments = path.split('.').map((segment) => {
    const bracket = segment.indexOf('[');
    const key = bracket === -1 ? segment : segment.slice(0, bracket);
    return `."${key}"${bracket === -1 ? '' : segment.slice(bracket)}`;
  });
  return `$${segments.join('')}`;
}

function fieldFilterCondition(filter: FieldFilter, params: SqlParam[]): string {
  params.push(jsonPath(filter.path));
  let condition: string;
  if (filter.match === 'equals') {
    params.push(filter.value);
    condition = 'json_extract_string(record, ?) = ?';
  } else {
    params.push(`%${escapeLike(filter.value)}%`);
    condition = `json_extract_string(record, ?) ILIKE ? ESCAPE '\\'`;
  }
  return filter.negate ? `(${condition}) IS NOT TRUE` : condition;
}

/** Compiles a view for one dataset into a parameterized WHERE clause and ORDER BY. */
export function compileView(datasetId: string, view: View): CompiledView {
  const params: SqlParam[] = [datasetId];
  const clauses = ['dataset_id = ?'];
  for (const [field, values] of Object.entries(view.filters) as [FilterField, FilterValue[] | undefined][]) {
    if (values?.length) clauses.push(fieldCondition(field, values, params));
  }
  for (const field of view.fields) clauses.push(fieldFilterCondition(field, params));
  if (view.q) {
    params.push(view.q.toLowerCase());
    clauses.push('contains(search_text, ?)');
  }
  if (view.from) clauses.push(`event_time >= ${timeBound(view.from, datasetId, params)}`);
  if (view.to) clauses.push(`event_time < ${timeBound(view.to, datasetId, params)}`);
  const direction = view.order === 'asc' ? 'ASC' : 'DESC';
  const orderBy = `${SORT_COLUMN[view.sort]} ${direction} NULLS LAST, seq ${direction}`;
  return { where: clauses.join(' AND '), params, orderBy };
}
