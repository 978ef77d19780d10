'use client';

import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type CSSProperties, type KeyboardEvent, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { EventPage } from '@/lib/store/get-events';
import { viewHref } from '@/lib/view/url-codec';
import type { SortField, View } from '@/lib/view/view-schema';
import { type EventColumn, eventColumns } from './event-columns';
import { formatCount } from './format';
import { useMoreRows } from './use-more-rows';

interface EventTableProps {
  datasetId: string;
  page: EventPage;
  view: View;
  pathname: string;
}

/** Every row is one height (identity takes two lines), so the scroll box knows its full height unmeasured. */
const ROW_HEIGHT = 48;
/** Rows drawn beyond each edge of the scroll box, so a fast flick shows no blank band. */
const OVERSCAN = 8;
/** How close to the last loaded row the next page is fetched. */
const PREFETCH_ROWS = 40;

function sortHref(pathname: string, view: View, field: SortField): string {
  const order = view.sort === field && view.order === 'desc' ? 'asc' : 'desc';
  return viewHref(pathname, { ...view, sort: field, order, cursor: undefined });
}

const widthOf = (column: EventColumn): CSSProperties => ({ flex: `${column.grow ?? 0} 0 ${column.size}px` });

/**
 * The view's events in a fixed-height scroll box that holds only the rows in sight (TanStack
 * Virtual), fetching the next page from the events API as it nears the end of what is loaded.
 */
export function EventTable({ datasetId, page, view, pathname }: EventTableProps) {
  const { key, rows, nextCursor, loading, error, full, loadMore } = useMoreRows(datasetId, page, view);
  const definitions = eventColumns(pathname, view);
  const columnVisibility = Object.fromEntries(view.hide.map((column) => [column, false]));
  // The app does not use the React Compiler, so TanStack's unmemoizable table object is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns: definitions, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { columnVisibility } });
  const tableRows = table.getRowModel().rows;
  const scrollBox = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollBox.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The server draws the first screenful too, before any scroll box can be measured.
    initialRect: { width: 1200, height: 720 },
  });
  const router = useRouter();
  // Which row the keyboard is on is screen state, not view state: it stays out of the URL. It starts
  // on the open record, and starts there again whenever the rows do.
  const openRow = Math.max(0, rows.findIndex((row) => row.eventId === view.detail));
  const [cursorAt, setCursorAt] = useState({ key, index: openRow });
  const cursor = cursorAt.key === key ? cursorAt.index : openRow;
  const offset = view.cursor ?? 0;
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.at(-1)?.index ?? -1;

  const nearEnd = useEffectEvent(() => {
    if (!error && lastDrawn >= rows.length - PREFETCH_ROWS) loadMore();
  });
  useEffect(() => nearEnd(), [lastDrawn, rows.length]);

  const showCursor = useEffectEvent(() => virtualizer.scrollToIndex(cursor, { align: cursor > 0 ? 'center' : 'start' }));
  // New rows are shown from the top, or from the open record when a link opens one deep in the page.
  useEffect(() => showCursor(), [key]);

  function moveTo(index: number) {
    const next = Math.min(rows.length - 1, Math.max(0, index));
    setCursorAt({ key, index: next });
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target instanceof HTMLInputElement || event.metaKey || event.ctrlKey || event.altKey) return;
    const move = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    const selected = rows[Math.min(cursor, rows.length - 1)];
    if (move) {
      event.preventDefault();
      moveTo(cursor + move);
    } else if (event.key === 'Enter' && selected) {
      event.preventDefault();
      router.push(viewHref(pathname, { ...view, detail: selected.eventId }), { scroll: false });
    } else if (event.key === 'Escape' && view.detail) {
      event.preventDefault();
      router.push(viewHref(pathname, { ...view, detail: undefined }), { scroll: false });
    }
  }

  return (
    <div className="space-y-1">
      <div
        ref={scrollBox}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label="Events table: arrow keys or j and k move, Enter opens the record, Escape closes it"
        className="relative max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-800 dark:bg-slate-900"
      >
        <table className="grid min-w-[56rem] text-left text-sm" aria-label="Events" aria-rowcount={page.total + 1}>
          <thead className="sticky top-0 z-10 grid border-b border-slate-200 bg-white text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="flex w-full" aria-rowindex={1}>
                {group.headers.filter((header) => header.column.getIsVisible()).map((header) => {
                  const column = definitions.find((definition) => definition.id === header.column.id)!;
                  const active = column.sortField !== undefined && view.sort === column.sortField;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} style={widthOf(column)} className="truncate px-3 py-2 font-medium" aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                      {column.sortField ? (
                        <Link href={sortHref(pathname, view, column.sortField)} className="hover:underline">
                          {label}
                          {active && <span aria-hidden="true">{view.order === 'asc' ? ' ▲' : ' ▼'}</span>}
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="relative grid" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = tableRows[item.index]!;
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  aria-rowindex={offset + item.index + 2}
                  aria-selected={row.original.eventId === view.detail}
                  data-cursor={item.index === cursor || undefined}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  className="absolute flex w-full border-b border-slate-100 hover:bg-slate-50 aria-selected:bg-sky-50 data-cursor:shadow-[inset_3px_0_0_0_#0ea5e9] dark:border-slate-800 dark:hover:bg-slate-800/50 dark:aria-selected:bg-sky-950/40"
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} style={widthOf(definitions.find((definition) => definition.id === cell.column.id)!)} className="truncate whitespace-nowrap px-3 py-1.5">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status" className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500 dark:text-slate-400">
        <span>
          Rows {formatCount(offset + 1)}–{formatCount(offset + rows.length)} of {formatCount(page.total)} in the table
        </span>
        {loading && <span>· loading more…</span>}
        {!loading && !error && !full && nextCursor !== null && <span>· scroll down for more</span>}
        {full && nextCursor !== null && (
          <Link href={viewHref(pathname, { ...view, cursor: nextCursor, detail: undefined })} className="text-sky-700 hover:underline dark:text-sky-400">
            · continue from row {formatCount(nextCursor + 1)}
          </Link>
        )}
        {error && (
          <span role="alert" className="text-red-700 dark:text-red-400">
            · the next rows could not be loaded: {error}{' '}
            <button type="button" onClick={loadMore} className="underline">
              Retry
            </button>
          </span>
        )}
      </p>
    </div>
  );
}
