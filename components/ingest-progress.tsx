'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Dataset } from '@/lib/store/datasets';
import type { Problem } from '@/lib/store/problems';
import { FileErrors } from './file-errors';
import { formatCount } from './format';

const POLL_MS = 400;

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatDuration(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** An ingest's progress — files, bytes, records, rate and time left, files it could not read — with a way to stop it; the page reloads when it ends. */
export function IngestProgress({ initial }: { initial: Dataset }) {
  const router = useRouter();
  const [dataset, setDataset] = useState(initial);
  const [cancelling, setCancelling] = useState(false);
  const [fileErrors, setFileErrors] = useState<Problem[]>([]);
  const failedFiles = dataset.stats.failedFiles;

  // The list is fetched again only when the count of unreadable files moves, not on every poll.
  useEffect(() => {
    if (failedFiles === 0) return;
    let stale = false;
    void fetch(`/api/datasets/${initial.id}/problems?kind=file-error`, { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<{ problems: Problem[] }>) : null))
      .then((body) => {
        if (body && !stale) setFileErrors(body.problems);
      });
    return () => {
      stale = true;
    };
  }, [initial.id, failedFiles]);

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

  async function cancel() {
    setCancelling(true);
    await fetch(`/api/datasets/${initial.id}/cancel`, { method: 'POST' });
  }

  const { filesDone, filesTotal, bytesDone, bytesTotal, recordsSeen, recordsPerSecond, etaSeconds } = dataset.progress;
  const percent = bytesTotal ? Math.min(100, Math.round((bytesDone / bytesTotal) * 100)) : 0;
  return (
    <div role="status" className="max-w-xl space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="font-medium">Reading {dataset.name}…</p>
      <progress className="w-full accent-sky-500" max={100} value={percent} aria-label="Ingest progress" />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {formatCount(filesDone)} of {formatCount(filesTotal)} files · {formatBytes(bytesDone)} of {formatBytes(bytesTotal)} ·{' '}
        {formatCount(recordsSeen)} records
        {recordsPerSecond !== null && ` · ${formatCount(recordsPerSecond)} records/s`}
        {etaSeconds !== null && ` · about ${formatDuration(etaSeconds)} left`}
      </p>
      <FileErrors problems={fileErrors} />
      <button
        type="button"
        onClick={cancel}
        disabled={cancelling}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {cancelling ? 'Stopping…' : 'Cancel'}
      </button>
      <p className="text-xs text-slate-500">Cancelling keeps what was read so far.</p>
    </div>
  );
}
