import Link from 'next/link';
import { viewHref } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

export type DatasetTab = 'events' | 'overview' | 'timeline' | 'identities';

const TABS: [DatasetTab, string, string][] = [
  ['events', 'Events', ''],
  ['overview', 'Overview', '/overview'],
  ['timeline', 'Timeline', '/timeline'],
  ['identities', 'Identities', '/identities'],
];

/** The dataset's pages, each opened with the same view so that filters and time range carry over. */
export function DatasetTabs({ datasetId, view, current }: { datasetId: string; view: View; current: DatasetTab | null }) {
  // The open record and the table's page belong to the event table alone.
  const carried: View = { ...view, detail: undefined, cursor: undefined };
  return (
    <nav aria-label="Dataset pages" className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
      {TABS.map(([tab, title, suffix]) => (
        <Link
          key={tab}
          href={viewHref(`/datasets/${datasetId}${suffix}`, carried)}
          aria-current={tab === current ? 'page' : undefined}
          className={`-mb-px rounded-t border px-3 py-1.5 text-sm ${
            tab === current
              ? 'border-slate-200 border-b-slate-50 bg-slate-50 font-medium dark:border-slate-800 dark:border-b-slate-950 dark:bg-slate-950'
              : 'border-transparent text-sky-700 hover:bg-slate-100 dark:text-sky-400 dark:hover:bg-slate-900'
          }`}
        >
          {title}
        </Link>
      ))}
    </nav>
  );
}
