import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { EventRow } from '@/lib/store/get-events';
import { viewHref, withFilter } from '@/lib/view/url-codec';
import type { FilterField, SortField, View } from '@/lib/view/view-schema';
import { formatInZone } from './format';
import { RedactionBadges } from './redaction-badges';

/** A column of the event table: `size` is its width in pixels before spare width is shared out by `grow`. */
export type EventColumn = ColumnDef<EventRow> & { id: string; sortField?: SortField; size: number; grow?: number };

/** A cell value that narrows the view to it when clicked. */
function FilterLink({ pathname, view, field, value, children }: { pathname: string; view: View; field: FilterField; value: string | null; children?: React.ReactNode }) {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <Link href={viewHref(pathname, withFilter(view, field, value))} title={`Show only ${value}`} className="hover:underline">
      {children ?? value}
    </Link>
  );
}

/** The event table's columns, each cell value a link that narrows the view to it. */
export function eventColumns(pathname: string, view: View): EventColumn[] {
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
      // Local times carry their offset, so they need more room than UTC ones.
      size: view.tz === 'UTC' ? 175 : 235,
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
    { id: 'service', header: 'Service', sortField: 'service', size: 150, grow: 1, cell: ({ row }) => link('service', row.original.eventSource, row.original.serviceName) },
    { id: 'event', header: 'Event name', sortField: 'event', size: 180, grow: 2, cell: ({ row }) => link('event', row.original.eventName) },
    {
      id: 'identity',
      header: 'Identity',
      sortField: 'identity',
      size: 200,
      grow: 2,
      cell: ({ row }) => (
        <span className="flex min-w-0 flex-col" title={row.original.identity.key}>
          <span className="truncate">{link('identity', row.original.identity.key, row.original.identity.display)}</span>
          <span className="text-xs text-slate-500 dark:text-slate-400">{row.original.identity.type}</span>
        </span>
      ),
    },
    { id: 'ip', header: 'Source IP', sortField: 'ip', size: 120, cell: ({ row }) => link('ip', row.original.sourceIPAddress) },
    { id: 'region', header: 'Region', sortField: 'region', size: 110, cell: ({ row }) => link('region', row.original.awsRegion) },
    { id: 'account', header: 'Account', sortField: 'account', size: 115, cell: ({ row }) => link('account', row.original.accountId) },
    {
      id: 'error',
      header: 'Error',
      sortField: 'error',
      size: 130,
      grow: 1,
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
      size: 150,
      cell: ({ row }) => <RedactionBadges redactions={row.original.redactions} repaired={row.original.repaired} />,
    },
  ];
}

