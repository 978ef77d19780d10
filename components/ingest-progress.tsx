'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Dataset } from '@/lib/store/datasets';
import { formatCount } from './format';

const POLL_MS = 400;

/** Shows an ingest's progress and reloads the page's data once it is over. */
export function IngestProgress({ initial }: { initial: Dataset }) {
  const router = useRouter();
  const [dataset, setDataset] = useState(initial);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/datasets/${initial.id}`, { cache: 'no-store' });
      if (stopped || !response.ok) return;
      const latest = (await response.json()) as Dataset;
      setDataset(latest);
      if (latest.status !== 'ingesting') {
        clearInterval(timer);
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [initial.id, router]);

  const { filesDone, filesTotal, bytesDone, bytesTotal, recordsSeen } = dataset.progress;
  const percent = bytesTotal ? Math.round((bytesDone / bytesTotal) * 100) : 0;
  return (
    <div role="status" className="max-w-xl space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="font-medium">Reading {dataset.name}…</p>
      <progress className="w-full" max={100} value={percent} aria-label="Ingest progress" />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {formatCount(filesDone)} of {formatCount(filesTotal)} files, {formatCount(recordsSeen)} records so far
      </p>
    </div>
  );
}
