import Link from 'next/link';
import type { Dataset } from '@/lib/store/datasets';
import { getProblems } from '@/lib/store/problems';
import { FileErrors } from './file-errors';
import { formatCount, formatUtc } from './format';

/** The files of the dataset that could not be read, listed where the analyst lands after reading. */
async function UnreadableFiles({ datasetId }: { datasetId: string }) {
  return <FileErrors problems={await getProblems(datasetId, ['file-error'])} />;
}

/** The dataset's name, size, time span and what went wrong while reading it. */
export function DatasetSummary({ dataset }: { dataset: Dataset }) {
  const { records, repaired, quarantined, duplicates, skippedFiles, failedFiles } = dataset.stats;
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-semibold">{dataset.name}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {formatCount(records)} events · {formatUtc(dataset.timeRange.from)} – {formatUtc(dataset.timeRange.to)} ·{' '}
        {formatCount(duplicates)} duplicates removed ·{' '}
        <Link href={`/datasets/${dataset.id}/problems`} className="text-sky-700 hover:underline dark:text-sky-400">
          Problems: {formatCount(repaired)} repaired, {formatCount(quarantined)} quarantined, {formatCount(skippedFiles)} files skipped,{' '}
          {formatCount(failedFiles)} unreadable
        </Link>
      </p>
      {dataset.status !== 'ready' && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Reading this dataset {dataset.status === 'failed' ? `failed: ${dataset.error ?? 'unknown error'}` : 'was cancelled'}. The events read before that are shown.
        </p>
      )}
      {failedFiles > 0 && <UnreadableFiles datasetId={dataset.id} />}
    </header>
  );
}
