import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Dataset } from '@/lib/store/datasets';
import type { Overview } from '@/lib/store/get-overview';
import type { View } from '@/lib/view/view-schema';
import { formatCount, formatUtc } from './format';
import { tableHref } from './table-links';

function Fact({ title, href, children, warn }: { title: string; href?: string; children: ReactNode; warn?: boolean }) {
  const body = (
    <>
      <span className="block text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</span>
      <span className="mt-0.5 block text-sm">{children}</span>
    </>
  );
  const className = `block rounded-lg border p-3 ${warn ? 'border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/40' : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900'}`;
  return href ? (
    <Link href={href} className={`${className} hover:border-sky-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500`}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}

const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(part / whole < 0.01 && part > 0 ? 2 : 1)}%`);

/** The headline numbers of a view's coverage, each opening its events (or the problems page). */
export function CoverageFacts({ dataset, view, overview }: { dataset: Dataset; view: View; overview: Overview }) {
  const id = dataset.id;
  const digests = overview.reading.skipped.find((item) => item.reason === 'CloudTrail digest file')?.count ?? 0;
  const otherSkipped = overview.reading.skipped.reduce((sum, item) => sum + item.count, 0) - digests;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4 xl:grid-cols-6">
      <Fact title="Events" href={tableHref(id, view)}>
        <span className="text-xl font-semibold tabular-nums">{formatCount(overview.total)}</span>
      </Fact>
      <Fact title="Error rate" href={tableHref(id, view, [['error', 'any']])}>
        <span className="text-xl font-semibold tabular-nums">{percent(overview.errors, overview.total)}</span> ({formatCount(overview.errors)})
      </Fact>
      <Fact title="Time range" href={tableHref(id, { ...view, sort: 'time', order: 'asc' })}>
        {formatUtc(overview.timeRange.from)}
        <br />
        {formatUtc(overview.timeRange.to)}
      </Fact>
      <Fact title="Accounts" href={tableHref(id, view)}>
        {formatCount(overview.accountCount)} account{overview.accountCount === 1 ? '' : 's'}
        {overview.organizations.length > 0 && <span className="block text-xs">organization {overview.organizations.join(', ')}</span>}
      </Fact>
      <Fact title="Regions" warn={!overview.hasUsEast1 && overview.total > 0} href={tableHref(id, view, overview.hasUsEast1 ? [['region', 'us-east-1']] : [])}>
        {formatCount(overview.regionCount)} region{overview.regionCount === 1 ? '' : 's'}
        {overview.hasUsEast1 ? (
          <span className="block text-xs">us-east-1 included</span>
        ) : (
          <span role="note" className="block text-xs font-medium text-amber-800 dark:text-amber-300">
            No us-east-1: global services (IAM, STS, CloudFront…) and console sign-ins log there, so they are missing.
          </span>
        )}
      </Fact>
      <Fact title="Redacted events" href={tableHref(id, view, [['redacted', 'any']])}>
        <span className="text-xl font-semibold tabular-nums">{formatCount(overview.redacted)}</span> ({percent(overview.redacted, overview.total)})
      </Fact>
      <Fact title="Repaired records" href={tableHref(id, view, [['repaired', 'true']])}>
        {formatCount(overview.repaired)} in this view
      </Fact>
      <Fact title="Quarantined records" href={`/datasets/${id}/problems`}>
        {formatCount(overview.reading.quarantined)} set aside{overview.reading.failedFiles > 0 && `, ${formatCount(overview.reading.failedFiles)} unreadable files`}
      </Fact>
      <Fact title="Duplicates removed" href={`/datasets/${id}/problems`}>
        {formatCount(overview.reading.duplicates)}
      </Fact>
      <Fact title="Files skipped" href={`/datasets/${id}/problems`}>
        {formatCount(digests)} digest file{digests === 1 ? '' : 's'}
        {otherSkipped > 0 && <span className="block text-xs">and {formatCount(otherSkipped)} others</span>}
      </Fact>
      <Fact title="Delivery gaps" warn={overview.gapCount > 0}>
        {overview.gapCount === 0 ? 'none: every hour from first to last has events' : `${formatCount(overview.gapCount)} silent stretches of an hour or more`}
      </Fact>
      <Fact title="eventVersion" href={tableHref(id, view)}>
        {overview.eventVersions.map((version) => version.value ?? '(none)').join(', ') || '—'}
      </Fact>
    </div>
  );
}
