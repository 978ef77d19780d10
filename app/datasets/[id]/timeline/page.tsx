import { FilterPills } from '@/components/filter-pills';
import { ServiceTimeline } from '@/components/service-timeline';
import { SortLinks } from '@/components/sort-links';
import { TimeRangePicker } from '@/components/time-range-picker';
import { getTimeline } from '@/lib/store/get-timeline';
import { LANE_ORDERS, type LaneOrder, pageHref, parsePageParams, timelineParamsSchema } from '@/lib/view/page-params';
import { parseView } from '@/lib/view/url-codec';
import { type ViewPageProps, viewPage } from '../view-page';

const ORDER_TITLES: Record<LaneOrder, string> = { volume: 'Volume', errors: 'Errors', first: 'First activity', name: 'Name' };

/** One swimlane per service over the view's time span. */
export default function TimelinePage(props: ViewPageProps) {
  return viewPage(
    props,
    'timeline',
    (search) => ({ view: parseView(search), ...parsePageParams(timelineParamsSchema, search) }),
    async (dataset, { view, lanes }) => {
      const pathname = `/datasets/${dataset.id}/timeline`;
      const timeline = await getTimeline(dataset.id, view, lanes);
      const settings = { lanes: lanes === 'volume' ? undefined : lanes };
      return (
        <div className="space-y-3">
          <TimeRangePicker key={`${view.from}|${view.to}`} view={view} pathname={pathname} settings={settings} />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <FilterPills view={view} pathname={pathname} settings={settings} />
            <SortLinks
              label="Order lanes by"
              current={lanes}
              options={LANE_ORDERS.map((order) => ({ value: order, title: ORDER_TITLES[order], href: pageHref(pathname, view, { lanes: order === 'volume' ? undefined : order }) }))}
            />
          </div>
          <ServiceTimeline timeline={timeline} view={view} pathname={pathname} datasetId={dataset.id} settings={settings} />
        </div>
      );
    },
  );
}
