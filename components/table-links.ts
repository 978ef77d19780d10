import { viewHref, withFilter } from '@/lib/view/url-codec';
import { identityPath } from '@/lib/view/identity-path';
import type { FilterField, View } from '@/lib/view/view-schema';

/** The event table of a dataset under the view with more filters: how every count opens its events. */
export function tableHref(datasetId: string, view: View, filters: [FilterField, string][] = [], range?: { from: string; to: string }): string {
  let next: View = { ...view, detail: undefined, cursor: undefined };
  for (const [field, value] of filters) next = withFilter(next, field, value);
  if (range) next = { ...next, from: range.from, to: range.to };
  return viewHref(`/datasets/${datasetId}`, next);
}

/** The event table with one record open beside it. */
export function eventHref(datasetId: string, view: View, eventId: string): string {
  return viewHref(`/datasets/${datasetId}`, { ...view, cursor: undefined, detail: eventId });
}

/** An identity's page under the view (the key URL-encoded as one path segment). */
export function identityHref(datasetId: string, view: View, identityKey: string): string {
  return viewHref(identityPath(datasetId, identityKey), { ...view, detail: undefined, cursor: undefined });
}
