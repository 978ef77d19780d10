import Link from 'next/link';
import { EventTable } from '@/components/event-table';
import { FilterPills } from '@/components/filter-pills';
import { Pager } from '@/components/pager';
import { ColumnChooser } from '@/components/column-chooser';
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
import { getEvents } from '@/lib/store/get-events';
import { parseView } from '@/lib/view/url-codec';
import { type ViewPageProps, viewPage } from './view-page';

/** The event table of a view, with its facets, histogram and the record opened beside it. */
export default function DatasetPage(props: ViewPageProps) {
  return viewPage(props, 'events', (search) => ({ view: parseView(search) }), async (dataset, { view }) => {
    const id = dataset.id;
    const pathname = `/datasets/${id}`;
    const [page, summary, details] = await Promise.all([
      getEvents(id, view),
      getSummary(id, view),
      view.detail ? getEventsById(id, view.detail) : Promise.resolve([]),
    ]);

    return (
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
            {details[0] && <EventDetail detail={details[0]} view={view} pathname={pathname} datasetId={id} />}
          </div>
        </div>
      </div>
    );
  });
}
