'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Summary } from '@/lib/store/get-summary';
import { viewHref } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

function label(iso: string, bucketSeconds: number): string {
  if (bucketSeconds >= 86_400) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, bucketSeconds < 60 ? 19 : 16)}`;
}

/** Events over time, errors stacked on successes; clicking a bar narrows the view to its bucket. */
export function EventHistogram({ histogram, view, pathname }: { histogram: Summary['histogram']; view: View; pathname: string }) {
  const router = useRouter();
  if (histogram.starts.length === 0) return null;
  const data = histogram.starts.map((start, index) => ({
    start,
    label: label(start, histogram.bucketSeconds),
    ok: histogram.counts[index]!.total - histogram.counts[index]!.errors,
    errors: histogram.counts[index]!.errors,
  }));
  const zoomTo = (start: string) => {
    const to = new Date(Date.parse(start) + histogram.bucketSeconds * 1000).toISOString();
    router.push(viewHref(pathname, { ...view, from: start, to, cursor: undefined }));
  };
  return (
    <figure aria-label="Events over time" className="h-36 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={40} />
          <YAxis tick={{ fontSize: 11 }} width={44} allowDecimals={false} />
          <Tooltip cursor={{ fill: 'rgba(148, 163, 184, 0.2)' }} />
          <Bar dataKey="ok" name="succeeded" stackId="events" fill="#0ea5e9" onClick={(bar) => zoomTo((bar.payload as { start: string }).start)} className="cursor-pointer" />
          <Bar dataKey="errors" name="errors" stackId="events" fill="#ef4444" onClick={(bar) => zoomTo((bar.payload as { start: string }).start)} className="cursor-pointer" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
