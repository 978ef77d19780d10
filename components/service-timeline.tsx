'use client';

import Link from 'next/link';
import type { Lane, Timeline } from '@/lib/store/get-timeline';
import type { PageSettings } from '@/lib/view/page-params';
import type { FilterField, View } from '@/lib/view/view-schema';
import { formatCount, formatDuration, plural } from './format';
import { tableHref } from './table-links';
import { useBucketDrag } from './use-bucket-drag';

const AXIS_TICKS = 6;

function bucketLabel(iso: string, bucketSeconds: number): string {
  if (bucketSeconds >= 86_400) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, bucketSeconds < 60 ? 19 : 16)}`;
}

const endOf = (start: string, bucketSeconds: number) => new Date(Date.parse(start) + bucketSeconds * 1000).toISOString();

/** A bar's height: scaled to the lane's busiest bucket, never so small that a single event vanishes. */
const heightOf = (count: number, largest: number) => (count === 0 ? 0 : Math.max(18, (count / largest) * 100));

type Props = {
  timeline: Timeline;
  view: View;
  /** The page whose time range a drag sets. */
  pathname: string;
  datasetId: string;
  /** Filters every bucket's link adds besides its service and time (an identity, on its page). */
  linkFilters?: [FilterField, string][];
  /** Lanes taller than this scroll inside the chart. */
  maxHeight?: string;
  /** The page's own settings, kept when a drag zooms. */
  settings?: PageSettings;
};

/**
 * One swimlane per service: events per bucket, errors overlaid in red, a mark on buckets with
 * redacted events. Drag across buckets to zoom; click one to open its events in the table.
 */
export function ServiceTimeline({ timeline, view, pathname, datasetId, linkFilters = [], maxHeight = '70vh', settings }: Props) {
  const { starts, bucketSeconds } = timeline;
  const drag = useBucketDrag({ starts, bucketSeconds, view, pathname, zoomOnClick: false, settings });
  const selected = (index: number) => drag.selection !== null && index >= drag.selection[0] && index <= drag.selection[1];
  const spread = starts.length <= AXIS_TICKS ? starts.map((_, index) => index) : Array.from({ length: AXIS_TICKS }, (_, tick) => Math.round((tick * (starts.length - 1)) / (AXIS_TICKS - 1)));
  // The last label is right-aligned; one that starts too close to it would run into it.
  const ticks = spread.filter((index, position) => position === spread.length - 1 || index / starts.length < 0.8);

  function laneRow(lane: Lane) {
    const largest = Math.max(1, ...lane.counts);
    return (
      <li key={lane.eventSource} className="grid grid-cols-[16rem_minmax(0,1fr)] items-stretch gap-2 border-t border-slate-100 dark:border-slate-800" aria-label={lane.serviceName}>
        <Link
          href={tableHref(datasetId, view, [...linkFilters, ['service', lane.eventSource]])}
          className="flex min-w-0 items-baseline gap-2 rounded px-1 text-sm leading-6 hover:bg-slate-100 dark:hover:bg-slate-800"
          title={`${lane.eventSource}: ${plural(lane.total, 'event')}, ${plural(lane.errors, 'error')}, ${formatCount(lane.redacted)} redacted`}
        >
          <span className="min-w-0 flex-1 truncate">{lane.serviceName}</span>
          <span className="shrink-0 text-[11px] tabular-nums text-slate-500 dark:text-slate-400">
            {formatCount(lane.total)}
            {lane.errors > 0 && (
              <span className="ml-1.5 text-red-600 dark:text-red-400">
                <span className="mr-0.5 inline-block h-1.5 w-2 rounded-sm bg-red-500" aria-hidden="true" />
                {formatCount(lane.errors)}
              </span>
            )}
            {lane.redacted > 0 && (
              <span className="ml-1.5 text-amber-700 dark:text-amber-400">
                <span className="mr-0.5 inline-block h-1.5 w-1.5 rounded-full bg-amber-500" aria-hidden="true" />
                {formatCount(lane.redacted)}
              </span>
            )}
          </span>
        </Link>
        <div className="flex h-6 items-end">
          {lane.counts.map((count, index) => {
            const cellClass = `relative flex h-full flex-1 items-end ${selected(index) ? 'bg-amber-200/60 dark:bg-amber-500/30' : ''}`;
            const handlers = {
              onMouseDown: (event: React.MouseEvent) => {
                event.preventDefault();
                drag.start(index);
              },
              onMouseEnter: () => drag.move(index),
              onMouseUp: () => drag.finish(index),
            };
            if (count === 0) return <div key={index} className={cellClass} {...handlers} />;
            const errors = lane.errorCounts[index]!;
            const redacted = lane.redactedCounts[index]!;
            const start = starts[index]!;
            return (
              <Link
                key={index}
                href={tableHref(datasetId, view, [...linkFilters, ['service', lane.eventSource]], { from: start, to: endOf(start, bucketSeconds) })}
                className={`${cellClass} px-px hover:bg-sky-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-sky-900/40`}
                draggable={false}
                aria-label={`${lane.serviceName}, ${bucketLabel(start, bucketSeconds)}: ${count} events${errors ? `, ${errors} errors` : ''}${redacted ? `, ${redacted} redacted` : ''}`}
                title={`${bucketLabel(start, bucketSeconds)} · ${count} events${errors ? ` · ${errors} errors` : ''}${redacted ? ` · ${redacted} redacted` : ''}`}
                {...handlers}
              >
                <span className="relative w-full rounded-t-sm bg-sky-500" style={{ height: `${heightOf(count, largest)}%` }}>
                  {errors > 0 && <span className="absolute inset-x-0 bottom-0 rounded-t-sm bg-red-500" style={{ height: `${(errors / count) * 100}%` }} />}
                </span>
                {redacted > 0 && <span className="absolute left-1/2 top-0 h-1.5 w-1.5 -translate-x-1/2 rounded-full bg-amber-500" aria-hidden="true" />}
              </Link>
            );
          })}
        </div>
      </li>
    );
  }

  if (timeline.lanes.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">No events under this view, so no service to draw.</p>;
  }
  return (
    <figure aria-label="Activity by service" className="select-none rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <span>
          {plural(timeline.lanes.length, 'service')} · {formatDuration(bucketSeconds)} per bucket · bars scale to each lane’s busiest bucket
        </span>
        <span className="flex items-center gap-1"><span className="h-2 w-3 rounded-sm bg-sky-500" aria-hidden="true" />events</span>
        <span className="flex items-center gap-1"><span className="h-2 w-3 rounded-sm bg-red-500" aria-hidden="true" />errors</span>
        <span className="flex items-center gap-1"><span className="h-1.5 w-1.5 rounded-full bg-amber-500" aria-hidden="true" />redacted</span>
        <span>Beside each service: its events, errors and redacted events. Drag across buckets to zoom; click one to open its events.</span>
      </figcaption>
      <div className="grid grid-cols-[16rem_minmax(0,1fr)] gap-2 text-[11px] text-slate-500 dark:text-slate-400" aria-hidden="true">
        <span />
        <div className="relative h-4">
          {ticks.map((index) => (
            <span
              key={index}
              className="absolute whitespace-nowrap"
              // The last label ends at the right edge instead of starting at its bucket, so it never spills over.
              style={index === ticks.at(-1) && index > 0 ? { right: 0 } : { left: `${(index / starts.length) * 100}%` }}
            >
              {bucketLabel(starts[index]!, bucketSeconds)}
            </span>
          ))}
        </div>
      </div>
      <ol className="overflow-y-auto" style={{ maxHeight }} onMouseLeave={drag.cancel}>
        {timeline.lanes.map(laneRow)}
      </ol>
    </figure>
  );
}
