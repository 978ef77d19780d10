import Link from 'next/link';
import type { Dataset } from '@/lib/store/datasets';
import { DeleteDatasetButton } from './delete-dataset-button';
import { formatCount, formatUtc } from './format';

function problemSummary(dataset: Dataset): string {
  const { repaired, quarantined, failedFiles, duplicates } = dataset.stats;
  const parts = [
    repaired && `${formatCount(repaired)} repaired`,
    quarantined && `${formatCount(quarantined)} quarantined`,
    failedFiles && `${formatCount(failedFiles)} unreadable files`,
    duplicates && `${formatCount(duplicates)} duplicates removed`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

export function DatasetList({ datasets }: { datasets: Dataset[] }) {
  if (datasets.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No datasets yet: drop a log file above to make one.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" aria-label="Datasets">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2 text-right">Events</th>
            <th className="px-3 py-2">Time range</th>
            <th className="px-3 py-2">Problems</th>
            <th className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="px-3 py-2">
                <Link href={`/datasets/${dataset.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {dataset.name}
                </Link>
                {dataset.isSample && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800 dark:bg-amber-900 dark:text-amber-200">sample</span>}
              </td>
              <td className="px-3 py-2">{dataset.status}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(dataset.stats.records)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {formatUtc(dataset.timeRange.from)} – {formatUtc(dataset.timeRange.to)}
              </td>
              <td className="px-3 py-2">{problemSummary(dataset)}</td>
              <td className="px-3 py-2 text-right">
                <DeleteDatasetButton id={dataset.id} name={dataset.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
