import Link from 'next/link';
import { FilterPills } from '@/components/filter-pills';
import { formatInZone, plural } from '@/components/format';
import { IdentityActivity, RoleSessions } from '@/components/identity-activity';
import { IdentitySightings } from '@/components/identity-sightings';
import { RedactionSummary } from '@/components/redaction-summary';
import { ServiceTimeline } from '@/components/service-timeline';
import { SessionChains } from '@/components/session-chains';
import { tableHref } from '@/components/table-links';
import { TimeRangePicker } from '@/components/time-range-picker';
import { getIdentity } from '@/lib/store/get-identity';
import { getTimeline } from '@/lib/store/get-timeline';
import { identityKeyOf, identityPath } from '@/lib/view/identity-path';
import { parseView, viewHref, withFilter } from '@/lib/view/url-codec';
import type { SearchParams } from '../../view-page';
import { viewPage } from '../../view-page';

type PageProps = { params: Promise<{ id: string; key: string[] }>; searchParams: Promise<SearchParams> };

/** One principal: who it is, what it did where, what is new about it, and the sessions it links to. */
export default async function IdentityPage(props: PageProps) {
  const identityKey = identityKeyOf((await props.params).key, { encoded: true });
  return viewPage(props, null, (search) => ({ view: parseView(search) }), async (dataset, { view }) => {
    const id = dataset.id;
    const pathname = identityPath(id, identityKey);
    const [detail, timeline] = await Promise.all([getIdentity(id, identityKey, view), getTimeline(id, withFilter(view, 'identity', identityKey))]);
    if (!detail) {
      return (
        <div role="alert" className="space-y-2">
          <h1 className="text-xl font-semibold">No identity with this key in {dataset.name}</h1>
          <p className="break-all font-mono text-sm">{identityKey}</p>
          <Link href={viewHref(`/datasets/${id}/identities`, view)} className="text-sky-700 hover:underline dark:text-sky-400">
            List the identities of this dataset
          </Link>
        </div>
      );
    }
    const { principal } = detail;
    return (
      <div className="space-y-4">
        <header className="space-y-1 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <Link href={viewHref(`/datasets/${id}/identities`, view)} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            ← All identities
          </Link>
          <h2 className="text-2xl font-semibold">
            {principal.display} <span className="text-base font-normal text-slate-500 dark:text-slate-400">{principal.type}</span>
          </h2>
          <p className="break-all font-mono text-sm">{principal.key}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            account <span className="font-mono">{principal.account ?? '—'}</span> ·{' '}
            <Link href={tableHref(id, view, [['identity', identityKey]])} className="text-sky-700 hover:underline dark:text-sky-400">
              {plural(principal.events, 'event')}
            </Link>{' '}
            ·{' '}
            <Link href={tableHref(id, view, [['identity', identityKey], ['error', 'any']])} className="text-red-700 hover:underline dark:text-red-400">
              {plural(principal.errors, 'error')}
            </Link>{' '}
            · {plural(principal.services, 'service')} · {formatInZone(principal.first, view.tz)} – {formatInZone(principal.last, view.tz)} · MFA{' '}
            {principal.mfa === null ? 'not recorded' : principal.mfa ? 'seen' : 'not used'}
          </p>
          {detail.arns.length > 0 && detail.arns[0] !== principal.key && (
            <details className="text-xs">
              <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{detail.arns.length} ARN{detail.arns.length === 1 ? '' : 's'} in its events</summary>
              <ul className="mt-1 space-y-0.5 font-mono">
                {detail.arns.map((arn) => (
                  <li key={arn} className="break-all">{arn}</li>
                ))}
              </ul>
            </details>
          )}
        </header>
        <TimeRangePicker key={`${view.from}|${view.to}`} view={view} pathname={pathname} />
        <FilterPills view={view} pathname={pathname} />
        {detail.sessions.length > 0 && <RoleSessions datasetId={id} view={view} detail={detail} />}
        <SessionChains datasetId={id} view={view} chains={detail.chains} />
        <section aria-label="Activity by service" className="space-y-1">
          <h2 className="text-lg font-semibold">Activity by service</h2>
          <ServiceTimeline timeline={timeline} view={view} pathname={pathname} datasetId={id} linkFilters={[['identity', identityKey]]} maxHeight="24rem" />
        </section>
        <IdentityActivity datasetId={id} view={view} detail={detail} />
        <IdentitySightings datasetId={id} view={view} identityKey={identityKey} sightings={detail.sightings} />
        <section aria-label="Redactions in its events" className="space-y-1">
          <h2 className="text-lg font-semibold">Redactions in its events</h2>
          <RedactionSummary datasetId={id} view={withFilter(view, 'identity', identityKey)} redactions={detail.redactions} />
        </section>
      </div>
    );
  });
}
