import Link from 'next/link';
import type { Overview } from '@/lib/store/get-overview';
import type { View } from '@/lib/view/view-schema';
import { formatCount, formatUtc } from './format';
import { tableHref } from './table-links';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
const hourLater = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

/** Events per day with errors at the foot of each bar, and the longest silences beside; each opens its events. */
export function PerDayChart({ datasetId, view, overview }: { datasetId: string; view: View; overview: Overview }) {
  const largest = Math.max(1, ...overview.perDay.map((day) => day.count));
  return (
    <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)] gap-3">
      <section aria-label="Events per day" className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Events per day ({overview.perDay.length} active days)</h2>
        {overview.perDay.length === 0 ? (
          <p className="text-sm text-slate-500">No events under this view.</p>
        ) : (
          <ol className="mt-2 flex h-28 items-end gap-px">
            {overview.perDay.map((day) => (
              <li key={day.day} className="flex h-full min-w-[3px] max-w-10 flex-1 items-end">
                <Link
                  href={tableHref(datasetId, view, [], { from: `${day.day}T00:00:00.000Z`, to: nextDay(day.day) })}
                  className="flex w-full flex-col justify-end bg-sky-500 hover:bg-sky-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-700"
                  style={{ height: `${Math.max(3, (day.count / largest) * 100)}%` }}
                  title={`${day.day}: ${formatCount(day.count)} events, ${formatCount(day.errors)} errors`}
                  aria-label={`${day.day}: ${day.count} events, ${day.errors} errors`}
                >
                  <span className="block bg-red-500" style={{ height: `${(day.errors / day.count) * 100}%` }} />
                </Link>
              </li>
            ))}
          </ol>
        )}
        {overview.perDay.length > 0 && (
          <p className="mt-1 flex justify-between text-[11px] text-slate-500 dark:text-slate-400">
            <span>{overview.perDay[0]!.day}</span>
            <span>{overview.perDay.at(-1)!.day}</span>
          </p>
        )}
      </section>
      <section aria-label="Gaps in delivery" className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Longest silences</h2>
        {overview.gaps.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No hour without events between the first and the last.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {overview.gaps.map((gap) => (
              <li key={gap.from}>
                <Link href={tableHref(datasetId, view, [], { from: hourLater(gap.from, -1), to: hourLater(gap.to, 1) })} className="hover:underline" title="Open the events around this silence">
                  <span className="tabular-nums">{formatCount(Math.round(gap.hours))} h</span>{' '}
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    {formatUtc(gap.from)} → {formatUtc(gap.to)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
