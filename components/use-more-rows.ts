'use client';

import { useRef, useState } from 'react';
import type { EventPage, EventRow } from '@/lib/store/get-events';
import { viewToSearchParams } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

/**
 * Rows kept in the browser at once. Past this the table stops loading and offers to continue from
 * a new cursor, so an hour of scrolling through a million events cannot exhaust the tab's memory.
 */
const MAX_LOADED_ROWS = 10_000;

/** What decides which rows a page holds: the view less what only changes how they are shown. */
function queryKey(view: View): string {
  return viewToSearchParams({ ...view, detail: undefined, hide: [], tz: 'UTC', stack: 'outcome' }).toString();
}

type More = { key: string; rows: EventRow[]; nextCursor: number | null; error: string | null };

export interface LoadedRows {
  /** Changes exactly when the rows start again from the server's page. */
  key: string;
  rows: EventRow[];
  /** Where the next page starts, or null when the result has no more rows. */
  nextCursor: number | null;
  loading: boolean;
  error: string | null;
  /** True when MAX_LOADED_ROWS are held and more exist. */
  full: boolean;
  /** Fetches the page after the loaded rows, unless it is already on its way or none is left; also retries after an error. */
  loadMore: () => void;
}

/**
 * The server-rendered page of the URL's view, followed by the pages after it, fetched from the
 * events API as the table scrolls to its end. The URL keeps only where the table starts, so a
 * shared link opens at the same first row; opening a record or switching the time zone keeps the
 * pages loaded so far, while any change of filter, sort or cursor starts again from the server's page.
 */
export function useMoreRows(datasetId: string, page: EventPage, view: View): LoadedRows {
  const key = queryKey(view);
  const [more, setMore] = useState<More>({ key, rows: [], nextCursor: page.nextCursor, error: null });
  const [pending, setPending] = useState<string | null>(null);
  const requested = useRef<string | null>(null);
  const current = more.key === key ? more : { key, rows: [], nextCursor: page.nextCursor, error: null };
  const rows = current.rows.length ? [...page.rows, ...current.rows] : page.rows;
  const full = rows.length >= MAX_LOADED_ROWS && current.nextCursor !== null;

  function loadMore() {
    const cursor = current.nextCursor;
    const request = `${key}@${cursor}`;
    if (cursor === null || full || requested.current === request) return;
    requested.current = request;
    setPending(request);
    // Each answer lands only on the rows it continues: a late one for an older view is dropped.
    const land = (change: (base: More) => More) =>
      setMore((latest) => {
        const base = latest.key === key ? latest : { key, rows: [], nextCursor: cursor, error: null };
        return base.nextCursor === cursor ? change(base) : latest;
      });
    const query = viewToSearchParams({ ...view, detail: undefined, cursor });
    void fetch(`/api/datasets/${encodeURIComponent(datasetId)}/events?${query}`)
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as (EventPage & { error?: { message: string } }) | null;
        if (!response.ok || !body?.rows) throw new Error(body?.error?.message ?? `the server answered ${response.status}`);
        land((base) => ({ key, rows: [...base.rows, ...body.rows], nextCursor: body.nextCursor, error: null }));
      })
      .catch((failure: unknown) => {
        requested.current = null;
        land((base) => ({ ...base, error: failure instanceof Error ? failure.message : String(failure) }));
      })
      .finally(() => setPending((latest) => (latest === request ? null : latest)));
  }

  return { key, rows, nextCursor: current.nextCursor, loading: pending === `${key}@${current.nextCursor}`, error: current.error, full, loadMore };
}
