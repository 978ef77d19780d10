import Link from 'next/link';
import { REDACTION_EXPLANATIONS } from '@/lib/cloudtrail/redaction';
import type { EventDetail as Detail } from '@/lib/store/get-event';
import { viewHref } from '@/lib/view/url-codec';
import type { FieldFilter, View } from '@/lib/view/view-schema';
import { formatInZone } from './format';
import { JsonTree } from './json-tree';
import { REDACTION_LABELS } from './redaction-badges';
import { identityHref } from './table-links';

const around = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Views that start from this event: the same session, key or request, and the minutes around it. */
function pivots(detail: Detail, view: View): { label: string; view: View }[] {
  const record = detail.record as { requestID?: unknown; userIdentity?: { arn?: unknown } };
  const base: View = { ...view, filters: {}, fields: [], q: undefined, from: undefined, to: undefined, cursor: undefined, detail: detail.eventId };
  const field = (path: string, value: unknown): FieldFilter[] => [{ path, match: 'equals', value: String(value), negate: false }];
  const links: { label: string; view: View }[] = [];
  if (detail.identity.sessionName && typeof record.userIdentity?.arn === 'string') {
    links.push({ label: 'Same session', view: { ...base, fields: field('userIdentity.arn', record.userIdentity.arn) } });
  }
  if (detail.identity.accessKeyId) links.push({ label: 'Same access key', view: { ...base, filters: { accessKey: [{ value: detail.identity.accessKeyId, negate: false }] } } });
  if (typeof record.requestID === 'string') links.push({ label: 'Same request', view: { ...base, fields: field('requestID', record.requestID) } });
  if (detail.eventTime) links.push({ label: 'Surrounding events (±5 minutes)', view: { ...base, from: around(detail.eventTime, -5), to: around(detail.eventTime, 5), sort: 'time', order: 'asc' } });
  return links;
}

/** One record in full beside the table: who, what was hidden and why, what the reader repaired. */
export function EventDetail({ detail, view, pathname, datasetId }: { detail: Detail; view: View; pathname: string; datasetId: string }) {
  const record = detail.record as Record<string, unknown>;
  return (
    <aside aria-label="Event detail" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <header className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">{String(record.eventName ?? '(no event name)')}</h2>
          <p className="text-slate-600 dark:text-slate-400">
            {formatInZone(detail.eventTime, view.tz)} · {String(record.eventSource ?? '')} · {String(record.awsRegion ?? '')}
          </p>
        </div>
        <Link href={viewHref(pathname, { ...view, detail: undefined })} className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800" aria-label="Close detail">
          ✕
        </Link>
      </header>

      <section aria-label="Identity" className="rounded border border-slate-200 p-3 dark:border-slate-700">
        <p>
          <Link href={viewHref(pathname, { ...view, filters: { identity: [{ value: detail.identity.key, negate: false }] }, cursor: undefined })} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
            {detail.identity.display}
          </Link>{' '}
          <span className="text-slate-500">{detail.identity.type}</span>{' '}
          <Link href={identityHref(datasetId, view, detail.identity.key)} className="text-xs text-sky-700 hover:underline dark:text-sky-400">
            Identity page →
          </Link>
        </p>
        <p className="break-all font-mono text-xs text-slate-500">{detail.identity.key}</p>
        {detail.identity.sessionName && <p className="text-xs">session {detail.identity.sessionName}</p>}
        {detail.identity.accessKeyId && <p className="font-mono text-xs">key {detail.identity.accessKeyId}</p>}
      </section>

      <nav aria-label="Related events" className="flex flex-wrap gap-2">
        {pivots(detail, view).map((pivot) => (
          <Link key={pivot.label} href={viewHref(pathname, pivot.view)} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            {pivot.label}
          </Link>
        ))}
      </nav>

      {detail.redactions.length > 0 && (
        <section aria-label="Redactions">
          <h3 className="font-semibold">What CloudTrail did not show ({detail.redactions.length})</h3>
          <ul className="mt-1 space-y-1">
            {detail.redactions.map((redaction) => (
              <li key={redaction.path}>
                <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-800 dark:bg-violet-900/60 dark:text-violet-200">{REDACTION_LABELS[redaction.kind]}</span>{' '}
                <span className="break-all font-mono text-xs">{redaction.path}</span>
                <span className="block text-xs text-slate-500">{REDACTION_EXPLANATIONS[redaction.kind]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {detail.repairs.length > 0 && (
        <section aria-label="Repairs">
          <h3 className="font-semibold">Repaired to load ({detail.repairs.length})</h3>
          <ul className="mt-1 space-y-0.5">
            {detail.repairs.map((repair, index) => (
              <li key={index}>
                <span className="font-mono text-xs text-slate-500">
                  {detail.source.file}:{repair.at.line}:{repair.at.column}
                </span>{' '}
                {repair.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Original record">
        <h3 className="mb-1 font-semibold">Record</h3>
        <JsonTree value={detail.record} redactions={detail.redactions} />
        <p className="mt-2 text-xs text-slate-500">
          From {detail.source.file}, line {detail.source.line}
        </p>
      </section>
    </aside>
  );
}
