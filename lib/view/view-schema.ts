import { z } from 'zod';

/** Filters that take one or more values from the URL, each optionally negated with a leading `!`. */
export const FILTER_FIELDS = [
  'service',
  'event',
  'identity',
  'identityType',
  'account',
  'region',
  'ip',
  'agent',
  'accessKey',
  'error',
  'readOnly',
  'eventType',
  'category',
  'redacted',
  'redactedPath',
  'repaired',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

const SORT_FIELDS = ['time', 'service', 'event', 'identity', 'region', 'ip', 'account', 'error'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** Columns of the event table that a view may hide. */
export const TABLE_COLUMNS = ['service', 'event', 'identity', 'ip', 'region', 'account', 'error', 'flags'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** How the histogram splits each bar: failed calls over successful ones, or the busiest services. */
export const HISTOGRAM_STACKS = ['outcome', 'service'] as const;

const REDACTION_KINDS = ['hidden', 'protected', 'masked', 'omitted', 'response-not-logged'] as const;

const filterValueSchema = z.object({ value: z.string().min(1).max(2048), negate: z.boolean() });
export type FilterValue = z.infer<typeof filterValueSchema>;

/** Values a filter accepts when it does not take free text. */
export const ALLOWED_VALUES: Partial<Record<FilterField, readonly string[]>> = {
  readOnly: ['true', 'false'],
  repaired: ['true', 'false'],
  redacted: ['any', ...REDACTION_KINDS],
};

const isoInstant = z.iso.datetime({ offset: true });
/** A time relative to the dataset's last event: `-24h`, `-90m`, `-7d`, `-30s`, or `now` for the last event itself. */
export const RELATIVE_TIME = /^(-(\d{1,6})([smhdw])|now)$/;
const timeBound = z.union([isoInstant, z.string().regex(RELATIVE_TIME, 'must be an ISO 8601 instant, a relative time like -24h, or now')]);

/** A JSON path into the original record: dot-separated keys, each optionally indexed, e.g. `resources[0].ARN`. */
const FIELD_PATH = /^[A-Za-z0-9_@$-]+(\[\d{1,4}\])*(\.[A-Za-z0-9_@$-]+(\[\d{1,4}\])*){0,15}$/;

const fieldFilterSchema = z.object({
  path: z.string().max(300).regex(FIELD_PATH, 'a field path is dot-separated keys, like requestParameters.bucketName'),
  match: z.enum(['equals', 'contains']),
  value: z.string().max(2048),
  negate: z.boolean(),
});
export type FieldFilter = z.infer<typeof fieldFilterSchema>;

/** `UTC`, or an IANA zone such as `Europe/Paris`, used to show times; filtering is always by instant. */
const timeZone = z.string().max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'tz must be UTC or an IANA time zone like Europe/Paris');

export const viewSchema = z
  .object({
    filters: z.partialRecord(z.enum(FILTER_FIELDS), z.array(filterValueSchema).max(100)),
    fields: z.array(fieldFilterSchema).max(50).default([]),
    q: z.string().trim().min(1).max(500).optional(),
    from: timeBound.optional(),
    to: timeBound.optional(),
    tz: timeZone.default('UTC'),
    stack: z.enum(HISTOGRAM_STACKS).default('outcome'),
    /** Table columns the analyst hid. */
    hide: z.array(z.enum(TABLE_COLUMNS)).max(TABLE_COLUMNS.length).default([]),
    /** The eventID whose record is open beside the table. */
    detail: z.string().min(1).max(256).optional(),
    sort: z.enum(SORT_FIELDS).default('time'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  })
  .superRefine((view, context) => {
    for (const [field, values] of Object.entries(view.filters) as [FilterField, FilterValue[]][]) {
      const allowed = ALLOWED_VALUES[field];
      for (const { value } of values) {
        if (allowed && !allowed.includes(value)) {
          context.addIssue({ code: 'custom', path: [field], message: `${field} must be one of ${allowed.join(', ')}` });
        }
      }
    }
  });

export type View = z.infer<typeof viewSchema>;
