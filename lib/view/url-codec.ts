import { z } from 'zod';
import { FILTER_FIELDS, type FieldFilter, type FilterField, type FilterValue, type View, viewSchema } from './view-schema';

export class ViewError extends Error {}

type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function toSearchParams(input: SearchParamsInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}

/** Reads a view from URL search params: the single codec used by pages, client and API alike. */
export function parseView(input: SearchParamsInput): View {
  const params = toSearchParams(input);
  const filters: Partial<Record<FilterField, FilterValue[]>> = {};
  for (const field of FILTER_FIELDS) {
    const values = params.getAll(field).filter((value) => value !== '' && value !== '!');
    if (values.length === 0) continue;
    filters[field] = values.map((value) =>
      value.startsWith('!') ? { value: value.slice(1), negate: true } : { value, negate: false },
    );
  }
  const single = (key: string) => params.get(key) || undefined;
  const parsed = viewSchema.safeParse({
    filters,
    fields: fieldFiltersOf(params),
    tz: single('tz'),
    stack: single('stack'),
    detail: single('detail'),
    hide: params.get('hide') ? params.get('hide')!.split(',') : undefined,
    q: single('q'),
    from: single('from'),
    to: single('to'),
    sort: single('sort'),
    order: single('order'),
    limit: single('limit'),
    cursor: single('cursor'),
  });
  if (!parsed.success) throw new ViewError(z.prettifyError(parsed.error));
  return parsed.data;
}

const FIELD_CONTAINS = /^f\.([^~]+)~(.*)$/s;
const FIELD_EQUALS = /^f\.(.+)$/s;

/**
 * Field filters: `f.<path>=<value>` for equality and `f.<path>~<text>` for contains (the text is
 * part of the key, as analysts write it), each negated by a leading `!` on the value or text.
 */
function fieldFiltersOf(params: URLSearchParams): FieldFilter[] {
  const fields: FieldFilter[] = [];
  for (const [key, raw] of params) {
    const contains = FIELD_CONTAINS.exec(key);
    const equals = contains ? null : FIELD_EQUALS.exec(key);
    if (!contains && !equals) continue;
    const text = contains ? contains[2]! + (raw ? `=${raw}` : '') : raw;
    const negate = text.startsWith('!');
    fields.push({ path: (contains ?? equals)![1]!, match: contains ? 'contains' : 'equals', value: negate ? text.slice(1) : text, negate });
  }
  return fields;
}

function appendFieldFilter(params: URLSearchParams, { path, match, value, negate }: FieldFilter): void {
  const text = negate ? `!${value}` : value;
  if (match === 'equals') params.append(`f.${path}`, text);
  else params.append(`f.${path}~${text}`, '');
}

const DEFAULTS = viewSchema.parse({ filters: {} });

/** Writes a view back to search params, leaving defaults out so URLs stay short. */
export function viewToSearchParams(view: View): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    for (const { value, negate } of view.filters[field] ?? []) params.append(field, negate ? `!${value}` : value);
  }
  for (const field of view.fields) appendFieldFilter(params, field);
  if (view.q) params.set('q', view.q);
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.tz !== DEFAULTS.tz) params.set('tz', view.tz);
  if (view.stack !== DEFAULTS.stack) params.set('stack', view.stack);
  if (view.sort !== DEFAULTS.sort) params.set('sort', view.sort);
  if (view.order !== DEFAULTS.order) params.set('order', view.order);
  if (view.limit !== DEFAULTS.limit) params.set('limit', String(view.limit));
  if (view.cursor) params.set('cursor', String(view.cursor));
  if (view.hide.length) params.set('hide', view.hide.join(','));
  if (view.detail) params.set('detail', view.detail);
  return params;
}

/** The same view with one more filter value; paging restarts because the rows change. */
export function withFilter(view: View, field: FilterField, value: string, negate = false): View {
  const others = (view.filters[field] ?? []).filter((item) => item.value !== value);
  return { ...view, cursor: undefined, filters: { ...view.filters, [field]: [...others, { value, negate }] } };
}

/** The same view with one filter value changed in place, keeping its negation; paging restarts. */
export function withFilterValue(view: View, field: FilterField, from: string, to: string): View {
  const values = view.filters[field] ?? [];
  const replaced = values.flatMap((item) => (item.value === from ? [{ ...item, value: to }] : item.value === to ? [] : [item]));
  return { ...view, cursor: undefined, filters: { ...view.filters, [field]: replaced } };
}

/** The same view without one filter value. */
export function withoutFilter(view: View, field: FilterField, value: string): View {
  const rest = (view.filters[field] ?? []).filter((item) => item.value !== value);
  return { ...view, cursor: undefined, filters: { ...view.filters, [field]: rest.length ? rest : undefined } };
}

export function viewHref(pathname: string, view: View): string {
  const query = viewToSearchParams(view).toString();
  return query ? `${pathname}?${query}` : pathname;
}
