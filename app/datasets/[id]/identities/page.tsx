import { FilterPills } from '@/components/filter-pills';
import { formatCount } from '@/components/format';
import { HiddenViewFields } from '@/components/hidden-view-fields';
import { IdentityTable } from '@/components/identity-table';
import { TimeRangePicker } from '@/components/time-range-picker';
import { getIdentities } from '@/lib/store/get-identities';
import { identityListParamsSchema, parsePageParams } from '@/lib/view/page-params';
import { parseView } from '@/lib/view/url-codec';
import { type ViewPageProps, viewPage } from '../view-page';

/** Every principal under the view, searchable and sortable. */
export default function IdentitiesPage(props: ViewPageProps) {
  return viewPage(
    props,
    'identities',
    (search) => ({ view: parseView(search), list: parsePageParams(identityListParamsSchema, search) }),
    async (dataset, { view, list }) => {
      const pathname = `/datasets/${dataset.id}/identities`;
      const { total, identities } = await getIdentities(dataset.id, view, list);
      const settings = { by: list.by === 'events' ? undefined : list.by, dir: list.dir === 'desc' ? undefined : list.dir, find: list.find };
      return (
        <div className="space-y-3">
          <TimeRangePicker key={`${view.from}|${view.to}`} view={view} pathname={pathname} settings={settings} />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <form method="get" action={pathname} role="search" className="flex items-center gap-2">
              <HiddenViewFields view={view} />
              {list.by !== 'events' && <input type="hidden" name="by" value={list.by} />}
              {list.dir !== 'desc' && <input type="hidden" name="dir" value={list.dir} />}
              <label htmlFor="identity-find" className="text-sm text-slate-600 dark:text-slate-400">
                Find a principal
              </label>
              <input
                id="identity-find"
                name="find"
                type="search"
                defaultValue={list.find ?? ''}
                placeholder="name, ARN or key"
                className="w-72 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              />
              <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                Find
              </button>
            </form>
            <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
              {formatCount(total)} {total === 1 ? 'principal' : 'principals'}
              {list.find ? ` matching “${list.find}”` : ''}
              {total > identities.length ? `, the first ${formatCount(identities.length)} shown` : ''}
            </p>
          </div>
          <FilterPills view={view} pathname={pathname} settings={settings} />
          {identities.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
              No principal {list.find ? `matches “${list.find}” ` : ''}under this view.
            </p>
          ) : (
            <IdentityTable datasetId={dataset.id} view={view} list={list} identities={identities} pathname={pathname} />
          )}
        </div>
      );
    },
  );
}
