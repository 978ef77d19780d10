import { CountList } from '@/components/count-list';
import { CoverageFacts } from '@/components/coverage-facts';
import { FilterPills } from '@/components/filter-pills';
import { PerDayChart } from '@/components/per-day-chart';
import { RedactionSummary } from '@/components/redaction-summary';
import { identityHref, tableHref } from '@/components/table-links';
import { TimeRangePicker } from '@/components/time-range-picker';
import { getOverview } from '@/lib/store/get-overview';
import type { CountedValue } from '@/lib/store/rows';
import { parseView } from '@/lib/view/url-codec';
import type { FilterField } from '@/lib/view/view-schema';
import { type ViewPageProps, viewPage } from '../view-page';

/** Coverage at a glance: where and when the logs come from, and what they do not show. */
export default function OverviewPage(props: ViewPageProps) {
  return viewPage(props, 'overview', (search) => ({ view: parseView(search) }), async (dataset, { view }) => {
    const id = dataset.id;
    const pathname = `/datasets/${id}/overview`;
    const overview = await getOverview(id, view);
    const items = (values: CountedValue[], field: FilterField) =>
      values.map((item) => ({
        key: item.value ?? '(none)',
        label: item.label ?? item.value ?? '(none)',
        detail: item.label ? item.value : null,
        count: item.count,
        errors: item.errors,
        href: item.value === null ? tableHref(id, view) : tableHref(id, view, [[field, item.value]]),
      }));
    return (
      <div className="space-y-4">
        <TimeRangePicker key={`${view.from}|${view.to}`} view={view} pathname={pathname} />
        <FilterPills view={view} pathname={pathname} />
        <CoverageFacts dataset={dataset} view={view} overview={overview} />
        <PerDayChart datasetId={id} view={view} overview={overview} />
        <div className="grid grid-cols-2 gap-3 xl:grid-cols-4">
          <CountList title="Top services" items={items(overview.services, 'service')} />
          <CountList
            title="Top identities"
            items={items(overview.identities, 'identity').map((item) => ({ ...item, href: identityHref(id, view, item.key) }))}
          />
          <CountList title={`Accounts (${overview.accountCount})`} items={items(overview.accounts, 'account')} scroll />
          <CountList title={`Regions (${overview.regionCount})`} items={items(overview.regions, 'region')} scroll />
        </div>
        <RedactionSummary datasetId={id} view={view} redactions={overview.redactions} />
      </div>
    );
  });
}
