import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatCount, plural } from './format';

export interface CountItem {
  key: string;
  label: string;
  /** A second line: an eventSource under a service name, an ARN under a role name. */
  detail?: string | null;
  count: number;
  errors?: number;
  /** Where the count leads: the event table with the matching filters. */
  href: string;
}

/** A titled list of counts with bars relative to the largest, each row a link to its events. */
export function CountList({ title, items, empty = 'None under this view.', unit = 'events', scroll = false, children }: { title: string; items: CountItem[]; empty?: string; unit?: string; scroll?: boolean; children?: ReactNode }) {
  const largest = Math.max(1, ...items.map((item) => item.count));
  return (
    <section aria-label={title} className="space-y-1.5 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h2>
      {children}
      {items.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className={`space-y-1 text-sm ${scroll ? 'max-h-96 overflow-y-auto pr-1' : ''}`}>
          {items.map((item) => (
            <li key={item.key}>
              <Link href={item.href} className="group block rounded px-1 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-slate-800" title={`${item.label}: open these ${unit}`}>
                <span className="flex items-baseline justify-between gap-2">
                  <span className="min-w-0 truncate">{item.label}</span>
                  <span className="shrink-0 tabular-nums">
                    {formatCount(item.count)}
                    {item.errors ? <span className="ml-1 text-xs text-red-600 dark:text-red-400">({plural(item.errors, 'error')})</span> : null}
                  </span>
                </span>
                {item.detail && <span className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">{item.detail}</span>}
                <span className="mt-0.5 flex h-1 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                  <span className="bg-sky-500" style={{ width: `${((item.count - (item.errors ?? 0)) / largest) * 100}%` }} />
                  <span className="bg-red-500" style={{ width: `${((item.errors ?? 0) / largest) * 100}%` }} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
