'use client';

import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useState } from 'react';
import type { EventRow } from '@/lib/store/get-events';
import { viewHref, withFilter } from '@/lib/view/url-codec';
import type { FilterField, SortField, View } from '@/lib/view/view-schema';
import { formatInZone } from './format';
import { RedactionBadges } from './redaction-badges';

interface EventTableProps {
  rows: EventRow[];
  view: View;
  pathname: string;
}

/** A cell value that narrows the view to it when clicked. */
function FilterLink({ pathname, view, field, value, children }: { pathname: string; view: View; field: FilterField; value: string | null; children?: React.ReactNode }) {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <Link href={viewHref(pathname, withFilter(view, field, value))} title={`Show only ${value}`} className="hover:underline">
      {children ?? value}
    </Link>
  );
}

function columns(pathname: string, view: View): (ColumnDef<EventRow> & { sortField?: SortField })[] {
  const link = (field: FilterField, value: string | null, children?: React.ReactNode) => (
    <FilterLink pathname={pathname} view={view} field={field} value={value}>
      {children}
    </FilterLink>
  );
  return [
    {
      id: 'time',
      header: view.tz === 'UTC' ? 'Time (UTC)' : `Time (${view.tz})`,
      sortField: 'time',
      cell: ({ row }) => (
        <Link
          href={viewHref(pathname, { ...view, detail: row.original.eventId })}
          className="whitespace-nowrap tabular-nums text-sky-700 hover:underline dark:text-sky-400"
          title="Open the record"
        >
          {formatInZone(row.original.eventTime, view.tz).replace(' UTC', '')}
        </Link>
      ),
    },
    { id: 'service', header: 'Service', sortField: 'service', cell: ({ row }) => link('service', row.original.eventSource, row.original.serviceName) },
    { id: 'event', header: 'Event name', sortField: 'event', cell: ({ row }) => link('event', row.original.eventName) },
    {
      id: 'identity',
      header: 'Identity',
      sortField: 'identity',
      cell: ({ row }) => (
        <span className="flex flex-col" title={row.original.identity.key}>
          <span className="truncate">{link('identity', row.original.identity.key, row.original.identity.display)}</span>
          <span className="text-xs text-slate-500 dark:text-slate-400">{row.original.identity.type}</span>
        </span>
      ),
    },
    { id: 'ip', header: 'Source IP', sortField: 'ip', cell: ({ row }) => link('ip', row.original.sourceIPAddress) },
    { id: 'region', header: 'Region', sortField: 'region', cell: ({ row }) => link('region', row.original.awsRegion) },
    { id: 'account', header: 'Account', sortField: 'account', cell: ({ row }) => link('account', row.original.accountId) },
    {
      id: 'error',
      header: 'Error',
      sortField: 'error',
      cell: ({ row }) =>
        row.original.errorCode ? (
          <span className="text-red-700 dark:text-red-400">{link('error', row.original.errorCode)}</span>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    },
    {
      id: 'flags',
      header: 'Redacted / repaired',
      cell: ({ row }) => <RedactionBadges redactions={row.original.redactions} repaired={row.original.repaired} />,
    },
  ];
}

function sortHref(pathname: string, view: View, field: SortField): string {
  const order = view.sort === field && view.order === 'desc' ? 'asc' : 'desc';
  return viewHref(pathname, { ...view, sort: field, order, cursor: undefined });
}

export function EventTable({ rows, view, pathname }: EventTableProps) {
  const definitions = columns(pathname, view);
  const columnVisibility = Object.fromEntries(view.hide.map((column) => [column, false]));
  // The app does not use the React Compiler, so TanStack's unmemoizable table object is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns: definitions, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { columnVisibility } });
  const router = useRouter();
  // Which row the keyboard is on is screen state, not view state: it stays out of the URL.
  const [cursor, setCursor] = useState(() => Math.max(0, rows.findIndex((row) => row.eventId === view.detail)));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target instanceof HTMLInputElement || event.metaKey || event.ctrlKey || event.altKey) return;
    const move = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (move) {
      event.preventDefault();
      setCursor((current) => Math.min(rows.length - 1, Math.max(0, current + move)));
    } else if (event.key === 'Enter' && rows[cursor]) {
      event.preventDefault();
      router.push(viewHref(pathname, { ...view, detail: rows[cursor].eventId }));
    } else if (event.key === 'Escape' && view.detail) {
      event.preventDefault();
      router.push(viewHref(pathname, { ...view, detail: undefined }));
    }
  }

  return (
    <div
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label="Events table: arrow keys or j and k move, Enter opens the record, Escape closes it"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="w-full text-left text-sm" aria-label="Events">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.filter((header) => header.column.getIsVisible()).map((header) => {
                const sortField = definitions.find((definition) => definition.id === header.column.id)?.sortField;
                const active = sortField !== undefined && view.sort === sortField;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} className="px-3 py-2 font-medium" aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {sortField ? (
                      <Link href={sortHref(pathname, view, sortField)} className="hover:underline">
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
        <tbody>
          {table.getRowModel().rows.map((row, index) => (
            <tr
              key={row.id}
              aria-selected={row.original.eventId === view.detail}
              data-cursor={index === cursor || undefined}
              className="border-b border-slate-100 align-top last:border-0 hover:bg-slate-50 aria-selected:bg-sky-50 data-cursor:shadow-[inset_3px_0_0_0_#0ea5e9] dark:border-slate-800 dark:hover:bg-slate-800/50 dark:aria-selected:bg-sky-950/40"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="max-w-[18rem] truncate whitespace-nowrap px-3 py-1.5">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
