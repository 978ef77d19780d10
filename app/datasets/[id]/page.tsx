import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventTable } from '@/components/event-table';
import { FilterPills } from '@/components/filter-pills';
import { IngestProgress } from '@/components/ingest-progress';
import { Pager } from '@/components/pager';
import { DatasetSummary } from '@/components/dataset-summary';
import { getDataset } from '@/lib/store/datasets';
import { getEvents } from '@/lib/store/get-events';
import { ViewError, parseView } from '@/lib/view/url-codec';

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DatasetPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const dataset = await getDataset(id);
  if (!dataset) notFound();
  const pathname = `/datasets/${id}`;

  if (dataset.status === 'ingesting') return <IngestProgress initial={dataset} />;

  let view;
  try {
    view = parseView(await searchParams);
  } catch (error) {
    if (!(error instanceof ViewError)) throw error;
    return (
      <div role="alert" className="space-y-2">
        <h1 className="text-xl font-semibold">This link’s filters are not valid</h1>
        <pre className="whitespace-pre-wrap text-sm text-red-700 dark:text-red-400">{error.message}</pre>
        <Link href={pathname} className="text-sky-700 hover:underline dark:text-sky-400">Show all events of {dataset.name}</Link>
      </div>
    );
  }
  const page = await getEvents(id, view);

  return (
    <div className="space-y-4">
      <DatasetSummary dataset={dataset} />
      <FilterPills view={view} pathname={pathname} />
      <Pager view={view} pathname={pathname} total={page.total} shown={page.rows.length} nextCursor={page.nextCursor} />
      {page.rows.length > 0 ? (
        <EventTable rows={page.rows} view={view} pathname={pathname} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
          No events match these filters. Remove a filter above, or <Link href={pathname} className="text-sky-700 underline dark:text-sky-400">show all events</Link>.
        </p>
      )}
    </div>
  );
}
