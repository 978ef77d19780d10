'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Bar, BarChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Summary } from '@/lib/store/get-summary';
import { viewHref } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

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
  const router = useRouter();
  const [dragFrom, setDragFrom] = useState<string | null>(null);
  const [dragTo, setDragTo] = useState<string | null>(null);
  if (histogram.starts.length === 0) return null;

  const data = histogram.starts.map((start, index) => ({
    start,
    label: label(start, histogram.bucketSeconds),
    ok: histogram.counts[index]!.total - histogram.counts[index]!.errors,
    errors: histogram.counts[index]!.errors,
  }));
  const indexOf = (pointer: ChartPointer) => data.findIndex((point) => point.label === pointer?.activeLabel);

  function finishDrag(pointer: ChartPointer) {
    const first = data.findIndex((point) => point.label === dragFrom);
    const last = indexOf(pointer) === -1 ? data.findIndex((point) => point.label === dragTo) : indexOf(pointer);
    setDragFrom(null);
    setDragTo(null);
    if (first === -1 || last === -1) return;
    const [low, high] = first <= last ? [first, last] : [last, first];
    const from = data[low]!.start;
    const to = new Date(Date.parse(data[high]!.start) + histogram.bucketSeconds * 1000).toISOString();
    router.push(viewHref(pathname, { ...view, from, to, cursor: undefined }));
  }

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
            const index = indexOf(pointer);
            if (index !== -1) setDragFrom(data[index]!.label);
          }}
          onMouseMove={(pointer: ChartPointer) => {
            if (dragFrom && indexOf(pointer) !== -1) setDragTo(data[indexOf(pointer)]!.label);
          }}
          onMouseUp={(pointer: ChartPointer) => finishDrag(pointer)}
        >
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={40} />
          <YAxis tick={{ fontSize: 11 }} width={44} allowDecimals={false} />
          <Tooltip cursor={{ fill: 'rgba(148, 163, 184, 0.2)' }} />
          <Bar dataKey="ok" name="succeeded" stackId="events" fill="#0ea5e9" />
          <Bar dataKey="errors" name="errors" stackId="events" fill="#ef4444" />
          {dragFrom && dragTo && <ReferenceArea x1={dragFrom} x2={dragTo} fill="#f59e0b" fillOpacity={0.25} />}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
