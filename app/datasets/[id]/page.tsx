import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventTable } from '@/components/event-table';
import { FilterPills } from '@/components/filter-pills';
import { IngestProgress } from '@/components/ingest-progress';
import { Pager } from '@/components/pager';
import { ColumnChooser } from '@/components/column-chooser';
import { DatasetSummary } from '@/components/dataset-summary';
import { EventDetail } from '@/components/event-detail';
import { ExportLinks } from '@/components/export-links';
import { SearchBox } from '@/components/search-box';
import { ShareLinks } from '@/components/share-links';
import { TimeRangePicker } from '@/components/time-range-picker';
import { TimeZoneToggle } from '@/components/time-zone-toggle';
import { EventHistogram } from '@/components/event-histogram';
import { FacetSidebar } from '@/components/facet-sidebar';
import { getEventsById } from '@/lib/store/get-event';
import { getSummary } from '@/lib/store/get-summary';
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
  const [page, summary, details] = await Promise.all([
    getEvents(id, view),
    getSummary(id, view),
    view.detail ? getEventsById(id, view.detail) : Promise.resolve([]),
  ]);

  return (
    <div className="space-y-4">
      <DatasetSummary dataset={dataset} />
      <div className="grid grid-cols-[15rem_minmax(0,1fr)] gap-6">
        <FacetSidebar facets={summary.facets} view={view} pathname={pathname} />
        <div className="min-w-0 space-y-3">
          <SearchBox key={view.q ?? ''} view={view} pathname={pathname} />
          <TimeRangePicker key={`${view.from}|${view.to}`} view={view} pathname={pathname} />
          <EventHistogram histogram={summary.histogram} services={summary.services} view={view} pathname={pathname} />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <FilterPills view={view} pathname={pathname} />
            <TimeZoneToggle view={view} pathname={pathname} />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Pager view={view} pathname={pathname} total={page.total} shown={page.rows.length} nextCursor={page.nextCursor} />
            <span className="flex flex-wrap gap-2">
              <ColumnChooser view={view} pathname={pathname} />
              <ShareLinks datasetId={id} />
              <ExportLinks datasetId={id} view={view} />
            </span>
          </div>
          <div className={details[0] ? 'grid grid-cols-[minmax(0,1fr)_minmax(0,28rem)] gap-4' : undefined}>
            {page.rows.length > 0 ? (
              <EventTable datasetId={id} page={page} view={view} pathname={pathname} />
            ) : (
              <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
                No events match these filters. Remove a filter above, or{' '}
                <Link href={pathname} className="text-sky-700 underline dark:text-sky-400">
                  show all events
                </Link>
                .
              </p>
            )}
            {details[0] && <EventDetail detail={details[0]} view={view} pathname={pathname} />}
          </div>
        </div>
      </div>
    </div>
  );
}
