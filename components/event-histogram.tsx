'use client';

import { Bar, BarChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Summary } from '@/lib/store/get-summary';
import type { View } from '@/lib/view/view-schema';
import { useBucketDrag } from './use-bucket-drag';

function label(iso: string, bucketSeconds: number): string {
  if (bucketSeconds >= 86_400) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, bucketSeconds < 60 ? 19 : 16)}`;
}

type ChartPointer = { activeLabel?: string | number } | null;

/**
 * Events over time, errors stacked on successes. Dragging across bars narrows the view to that
 * span (a click narrows it to one bar): the range goes into the URL as `from` and `to`.
 */
export function EventHistogram({ histogram, view, pathname }: { histogram: Summary['histogram']; view: View; pathname: string }) {
  const drag = useBucketDrag({ starts: histogram.starts, bucketSeconds: histogram.bucketSeconds, view, pathname, zoomOnClick: true });
  if (histogram.starts.length === 0) return null;

  const data = histogram.starts.map((start, index) => ({
    start,
    label: label(start, histogram.bucketSeconds),
    ok: histogram.counts[index]!.total - histogram.counts[index]!.errors,
    errors: histogram.counts[index]!.errors,
  }));
  const indexOf = (pointer: ChartPointer) => data.findIndex((point) => point.label === pointer?.activeLabel);
  const at = (pointer: ChartPointer) => (indexOf(pointer) === -1 ? null : indexOf(pointer));

  return (
    <figure
      aria-label="Events over time"
      title="Drag across bars to zoom in"
      className="h-36 select-none rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900"
    >
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
          <Bar dataKey="ok" name="succeeded" stackId="events" fill="#0ea5e9" />
          <Bar dataKey="errors" name="errors" stackId="events" fill="#ef4444" />
          {drag.selection && <ReferenceArea x1={data[drag.selection[0]]!.label} x2={data[drag.selection[1]]!.label} fill="#f59e0b" fillOpacity={0.25} />}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
