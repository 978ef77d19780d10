import Link from 'next/link';
import { viewHref } from '@/lib/view/url-codec';
import { TABLE_COLUMNS, type TableColumn, type View } from '@/lib/view/view-schema';

const COLUMN_TITLES: Record<TableColumn, string> = {
  service: 'Service',
  event: 'Event name',
  identity: 'Identity',
  ip: 'Source IP',
  region: 'Region',
  account: 'Account',
  error: 'Error',
  flags: 'Redacted / repaired',
};

/** Which table columns show; the choice is part of the view, so shared links keep it. */
export function ColumnChooser({ view, pathname }: { view: View; pathname: string }) {
  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer select-none rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">Columns</summary>
      <ul aria-label="Columns" className="absolute right-0 z-10 mt-1 w-52 space-y-0.5 rounded border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {TABLE_COLUMNS.map((column) => {
          const hidden = view.hide.includes(column);
          const hide = hidden ? view.hide.filter((other) => other !== column) : [...view.hide, column];
          return (
            <li key={column}>
              <Link href={viewHref(pathname, { ...view, hide })} role="menuitemcheckbox" aria-checked={!hidden} className="flex items-center gap-2 rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800">
                <span aria-hidden="true" className="w-4">{hidden ? '' : '✓'}</span>
                {COLUMN_TITLES[column]}
              </Link>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
