'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { type PageSettings, pageHref } from '@/lib/view/page-params';
import type { View } from '@/lib/view/view-schema';

/** Presets count back from the dataset's last event, so they make sense for logs of any age. */
const PRESETS: [string, string | undefined][] = [
  ['Last 15 min', '-15m'],
  ['Last hour', '-1h'],
  ['Last 24 h', '-24h'],
  ['Last 7 days', '-7d'],
  ['Last 30 days', '-30d'],
  ['All', undefined],
];

/** A relative preset or an absolute range (UTC), written into the view's `from` and `to`. */
export function TimeRangePicker({ view, pathname, settings }: { view: View; pathname: string; settings?: PageSettings }) {
  const router = useRouter();
  const hrefFor = (next: View) => pageHref(pathname, next, settings);
  const [from, setFrom] = useState(view.from && !view.from.startsWith('-') ? view.from.slice(0, 16) : '');
  const [to, setTo] = useState(view.to && !view.to.startsWith('-') && view.to !== 'now' ? view.to.slice(0, 16) : '');
  const linkClass = (active: boolean) =>
    `rounded px-2 py-0.5 ${active ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`;

  function apply(event: FormEvent) {
    event.preventDefault();
    router.push(hrefFor({ ...view, from: from ? `${from}:00Z` : undefined, to: to ? `${to}:00Z` : undefined, cursor: undefined }));
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Time range">
      {PRESETS.map(([label, value]) => (
        <Link key={label} href={hrefFor({ ...view, from: value, to: undefined, cursor: undefined })} className={linkClass(view.from === value && !view.to)}>
          {label}
        </Link>
      ))}
      <form onSubmit={apply} className="flex items-center gap-1">
        <input type="datetime-local" aria-label="From (UTC)" value={from} onChange={(event) => setFrom(event.target.value)} className="rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-950" />
        –
        <input type="datetime-local" aria-label="To (UTC)" value={to} onChange={(event) => setTo(event.target.value)} className="rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-950" />
        <button type="submit" className="rounded border border-slate-300 px-2 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          Apply
        </button>
      </form>
    </div>
  );
}
