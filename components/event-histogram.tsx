'use client';

import Link from 'next/link';
import { Bar, BarChart, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Summary } from '@/lib/store/get-summary';
import { viewHref } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';
import { useBucketDrag } from './use-bucket-drag';

function label(iso: string, bucketSeconds: number): string {
  if (bucketSeconds >= 86_400) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, bucketSeconds < 60 ? 19 : 16)}`;
}

type ChartPointer = { activeLabel?: string | number } | null;
type Series = { key: string; name: string; color: string };

// Distinct hues for the busiest services in order, then grey for the rest lumped together.
const SERVICE_COLORS = ['#0ea5e9', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444', '#ec4899', '#14b8a6', '#84cc16', '#6366f1', '#f97316'];
const OTHERS_COLOR = '#94a3b8';
/** How the summary names the services outside the busiest ten. */
const OTHERS = '(others)';

/** The chart's bars and their stacks, for the way the view splits them. */
function chartData(histogram: Summary['histogram'], services: Summary['services'], view: View) {
  const base = histogram.starts.map((start) => ({ start, label: label(start, histogram.bucketSeconds) }));
  if (view.stack === 'service') {
    // The busiest services first, each in its own hue, then the rest lumped together in grey.
    const named = services.series.filter((item) => item.eventSource !== OTHERS);
    const ordered = [...named, ...services.series.filter((item) => item.eventSource === OTHERS)];
    const series: Series[] = ordered.map((item, index) => ({
      key: `s${index}`,
      name: item.serviceName,
      color: item.eventSource === OTHERS ? OTHERS_COLOR : SERVICE_COLORS[index % SERVICE_COLORS.length]!,
    }));
    const data = base.map((point, slot) => ({ ...point, ...Object.fromEntries(ordered.map((item, index) => [`s${index}`, item.counts[slot] ?? 0])) }));
    return { data, series };
  }
  const data = base.map((point, slot) => ({ ...point, ok: histogram.counts[slot]!.total - histogram.counts[slot]!.errors, errors: histogram.counts[slot]!.errors }));
  const series: Series[] = [
    { key: 'ok', name: 'succeeded', color: '#0ea5e9' },
    { key: 'errors', name: 'errors', color: '#ef4444' },
  ];
  return { data, series };
}

/**
 * Events over time, stacked by outcome (errors on successes) or by service, as the view says.
 * Dragging across bars narrows the view to that span (a click narrows it to one bar): the range
 * goes into the URL as `from` and `to`.
 */
export function EventHistogram({ histogram, services, view, pathname }: { histogram: Summary['histogram']; services: Summary['services']; view: View; pathname: string }) {
  const drag = useBucketDrag({ starts: histogram.starts, bucketSeconds: histogram.bucketSeconds, view, pathname, zoomOnClick: true });
  if (histogram.starts.length === 0) return null;

  const { data, series } = chartData(histogram, services, view);
  const indexOf = (pointer: ChartPointer) => data.findIndex((point) => point.label === pointer?.activeLabel);
  const at = (pointer: ChartPointer) => (indexOf(pointer) === -1 ? null : indexOf(pointer));

  const toggleClass = (active: boolean) =>
    `rounded px-2 py-0.5 ${active ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`;
  return (
    <figure aria-label="Events over time" className="space-y-1 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
      <nav aria-label="Split bars by" className="flex items-center gap-1 text-xs">
        <span className="text-slate-500">Split by:</span>
        {(['outcome', 'service'] as const).map((stack) => (
          <Link key={stack} href={viewHref(pathname, { ...view, stack })} scroll={false} aria-current={view.stack === stack ? 'true' : undefined} className={toggleClass(view.stack === stack)}>
            {stack === 'outcome' ? 'errors' : 'service'}
          </Link>
        ))}
      </nav>
      <div className={`${view.stack === 'service' ? 'h-44' : 'h-32'} select-none`} title="Drag across bars to zoom in">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
            barCategoryGap={1}
            className="cursor-crosshair"
            onMouseDown={(pointer: ChartPointer) => {
              const index = at(pointer);
              if (index !== null) drag.start(index);
            }}
            onMouseMove={(pointer: ChartPointer) => {
              const index = at(pointer);
              if (index !== null) drag.move(index);
            }}
            onMouseUp={(pointer: ChartPointer) => drag.finish(at(pointer))}
          >
            <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={40} />
            <YAxis tick={{ fontSize: 11 }} width={44} allowDecimals={false} />
            <Tooltip cursor={{ fill: 'rgba(148, 163, 184, 0.2)' }} />
            {view.stack === 'service' && <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} itemSorter={null} />}
            {series.map((item) => (
              <Bar key={item.key} dataKey={item.key} name={item.name} stackId="events" fill={item.color} isAnimationActive={false} />
            ))}
            {drag.selection && <ReferenceArea x1={data[drag.selection[0]]!.label} x2={data[drag.selection[1]]!.label} fill="#f59e0b" fillOpacity={0.25} />}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
