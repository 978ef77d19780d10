import { viewToSearchParams } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

/** Downloads of every event the view selects (paging aside), as CSV and as the original records. */
export function ExportLinks({ datasetId, view }: { datasetId: string; view: View }) {
  const params = viewToSearchParams({ ...view, cursor: undefined, detail: undefined });
  const query = params.toString() ? `?${params}` : '';
  const linkClass = 'rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
  return (
    <span className="flex gap-2 text-sm">
      <a className={linkClass} href={`/api/datasets/${datasetId}/export.csv${query}`} download>
        Export CSV
      </a>
      <a className={linkClass} href={`/api/datasets/${datasetId}/export.jsonl${query}`} download>
        Export JSON Lines
      </a>
    </span>
  );
}
