import Link from 'next/link';
import type { IdentitySummary } from '@/lib/store/get-identities';
import { type IdentityListParams, type IdentitySort, pageHref } from '@/lib/view/page-params';
import type { View } from '@/lib/view/view-schema';
import { formatCount, formatInZone } from './format';
import { identityHref, tableHref } from './table-links';

const COLUMNS: [IdentitySort | null, string][] = [
  ['name', 'Principal'],
  [null, 'Type'],
  [null, 'Account'],
  ['events', 'Events'],
  ['errors', 'Errors'],
  ['services', 'Services'],
  ['ips', 'Source IPs'],
  ['first', 'First seen'],
  ['last', 'Last seen'],
  [null, 'MFA'],
  ['redacted', 'Redacted'],
];

const MFA_TEXT = (mfa: boolean | null) => (mfa === null ? '—' : mfa ? 'yes' : 'no');

/** Principals under the view; headers sort, names open the drill-down, numbers open the events. */
export function IdentityTable({ datasetId, view, list, identities, pathname }: { datasetId: string; view: View; list: IdentityListParams; identities: IdentitySummary[]; pathname: string }) {
  const cell = 'px-2 py-1.5 align-top';
  const number = `${cell} text-right tabular-nums`;
  const countLink = (count: number, href: string, extra = '') =>
    count === 0 ? <span className="text-slate-400">0</span> : <Link href={href} className={`hover:underline ${extra}`}>{formatCount(count)}</Link>;
  const sortHref = (by: IdentitySort) => {
    const dir = list.by === by ? (list.dir === 'desc' ? 'asc' : 'desc') : by === 'name' || by === 'first' ? 'asc' : 'desc';
    return pageHref(pathname, view, { find: list.find, by: by === 'events' && dir === 'desc' ? undefined : by, dir: dir === 'desc' ? undefined : dir });
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Identities">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            {COLUMNS.map(([by, title]) => (
              <th key={title} className={cell} aria-sort={by && list.by === by ? (list.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {by ? (
                  <Link href={sortHref(by)} className="hover:underline">
                    {title}
                    {list.by === by && <span aria-hidden="true">{list.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                  </Link>
                ) : (
                  title
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {identities.map((identity) => (
            <tr key={identity.key} className="border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900">
              <td className={`${cell} max-w-[20rem]`}>
                <Link href={identityHref(datasetId, view, identity.key)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {identity.display}
                </Link>
                <span className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={identity.key}>
                  {identity.key}
                </span>
              </td>
              <td className={cell}>{identity.type}</td>
              <td className={`${cell} font-mono text-xs`}>{identity.account ?? '—'}</td>
              <td className={number}>{countLink(identity.events, tableHref(datasetId, view, [['identity', identity.key]]))}</td>
              <td className={number}>{countLink(identity.errors, tableHref(datasetId, view, [['identity', identity.key], ['error', 'any']]), 'text-red-700 dark:text-red-400')}</td>
              <td className={number}>{formatCount(identity.services)}</td>
              <td className={number}>{formatCount(identity.sourceIps)}</td>
              <td className={`${cell} w-28 text-xs`}>{formatInZone(identity.first, view.tz)}</td>
              <td className={`${cell} w-28 text-xs`}>{formatInZone(identity.last, view.tz)}</td>
              <td className={cell}>{MFA_TEXT(identity.mfa)}</td>
              <td className={number}>{countLink(identity.redacted, tableHref(datasetId, view, [['identity', identity.key], ['redacted', 'any']]), 'text-amber-700 dark:text-amber-400')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
