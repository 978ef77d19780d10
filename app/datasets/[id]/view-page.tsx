import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { type DatasetTab, DatasetTabs } from '@/components/dataset-tabs';
import { DatasetSummary } from '@/components/dataset-summary';
import { IngestProgress } from '@/components/ingest-progress';
import { type Dataset, getDataset } from '@/lib/store/datasets';
import { ViewError } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

export type SearchParams = Record<string, string | string[] | undefined>;
export type ViewPageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/**
 * The frame of the dataset's investigation pages: the dataset must exist and be read; the query
 * string is parsed by `parse` (a link with bad filters gets an explanation, not an error page);
 * then `render` draws the page under the dataset's header and tabs.
 */
export async function viewPage<Parsed extends { view: View }>(
  props: ViewPageProps,
  tab: DatasetTab | null,
  parse: (search: SearchParams) => Parsed,
  render: (dataset: Dataset, parsed: Parsed) => Promise<ReactNode>,
): Promise<ReactNode> {
  const { id } = await props.params;
  const dataset = await getDataset(id);
  if (!dataset) notFound();
  if (dataset.status === 'ingesting') return <IngestProgress initial={dataset} />;
  let parsed: Parsed;
  try {
    parsed = parse(await props.searchParams);
  } catch (error) {
    if (!(error instanceof ViewError)) throw error;
    return (
      <div role="alert" className="space-y-2">
        <h1 className="text-xl font-semibold">This link’s filters are not valid</h1>
        <pre className="whitespace-pre-wrap text-sm text-red-700 dark:text-red-400">{error.message}</pre>
        <Link href={`/datasets/${id}`} className="text-sky-700 hover:underline dark:text-sky-400">
          Show all events of {dataset.name}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <DatasetSummary dataset={dataset} />
      <DatasetTabs datasetId={id} view={parsed.view} current={tab} />
      {await render(dataset, parsed)}
    </div>
  );
}
