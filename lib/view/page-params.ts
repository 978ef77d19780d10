import { z } from 'zod';
import { ViewError, viewToSearchParams } from './url-codec';
import type { View } from './view-schema';

/**
 * Settings of one investigation page that sit beside the view in its URL (how lanes or identities
 * are ordered, a name search): they shape that page only, so they do not travel with the view.
 */
export const LANE_ORDERS = ['volume', 'errors', 'first', 'name'] as const;
export type LaneOrder = (typeof LANE_ORDERS)[number];

export const timelineParamsSchema = z.object({ lanes: z.enum(LANE_ORDERS).default('volume') });
export type TimelineParams = z.infer<typeof timelineParamsSchema>;

export const IDENTITY_SORTS = ['events', 'errors', 'services', 'ips', 'redacted', 'first', 'last', 'name'] as const;
export type IdentitySort = (typeof IDENTITY_SORTS)[number];

export const identityListParamsSchema = z.object({
  find: z.string().trim().min(1).max(200).optional(),
  by: z.enum(IDENTITY_SORTS).default('events'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type IdentityListParams = z.infer<typeof identityListParamsSchema>;

/** A page's own settings as they go into its URL; undefined leaves one out (its default). */
export type PageSettings = Record<string, string | undefined>;

type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads a page's own settings from its query string; bad values are a ViewError, as for the view. */
export function parsePageParams<Schema extends z.ZodType>(schema: Schema, input: SearchParamsInput): z.infer<Schema> {
  const params = input instanceof URLSearchParams ? input : new URLSearchParams();
  if (!(input instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(input)) if (typeof value === 'string') params.set(key, value);
  }
  const parsed = schema.safeParse(Object.fromEntries([...params].filter(([, value]) => value !== '')));
  if (!parsed.success) throw new ViewError(z.prettifyError(parsed.error));
  return parsed.data;
}

/** A page's URL: the view's query string, with the page's own settings added (defaults left out). */
export function pageHref(pathname: string, view: View, settings: PageSettings = {}): string {
  const params = viewToSearchParams(view);
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) params.set(key, value);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
