import Link from 'next/link';
import type { SessionChains as Chains, Tie } from '@/lib/store/get-session-chains';
import type { View } from '@/lib/view/view-schema';
import { formatInZone, plural } from './format';
import { eventHref, identityHref, tableHref } from './table-links';

const TIE_TEXT: Record<Tie, string> = { key: 'tied by the issued key', sharedEventID: 'tied by sharedEventID (copy in another account)' };

function TieBadge({ tie }: { tie: Tie | null }) {
  if (!tie) return <span className="text-xs text-slate-500">no copy shows the key</span>;
  return (
    <span className={`rounded px-1.5 py-0.5 text-[11px] ${tie === 'key' ? 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200' : 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200'}`}>
      {TIE_TEXT[tie]}
    </span>
  );
}

/** Sessions the identity started and what their keys did; and which calls created the sessions it used. */
export function SessionChains({ datasetId, view, chains }: { datasetId: string; view: View; chains: Chains }) {
  // A chain's counts are over the whole dataset, so its links open a key's events without the view's filters.
  const bare: View = { ...view, filters: {}, fields: [], q: undefined, from: undefined, to: undefined };
  const cell = 'px-2 py-1.5 align-top';
  const link = 'text-sky-700 hover:underline dark:text-sky-400';
  return (
    <section aria-label="Session chains" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-lg font-semibold">Session chains</h2>
      <section aria-label="Sessions it started" className="space-y-1">
        <h3 className="text-sm font-semibold">Sessions it started ({chains.issued.length})</h3>
        {chains.issued.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, GetSessionToken or GetFederationToken call by this identity.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Sessions it started">
            <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
              <tr>
                <th className={cell}>Call</th>
                <th className={cell}>Role and session</th>
                <th className={cell}>Issued key</th>
                <th className={cell}>What the key did afterwards</th>
              </tr>
            </thead>
            <tbody>
              {chains.issued.map((session) => (
                <tr key={session.eventId} className="border-t border-slate-100 dark:border-slate-800">
                  <td className={cell}>
                    <Link href={eventHref(datasetId, view, session.eventId)} className={link}>
                      {session.eventName}
                    </Link>
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {formatInZone(session.eventTime, view.tz)} · account {session.accountId ?? '?'}
                    </span>
                  </td>
                  <td className={`${cell} break-all font-mono text-xs`}>
                    {session.roleArn ?? '—'}
                    {session.sessionName && <span className="block text-slate-500">session {session.sessionName}</span>}
                  </td>
                  <td className={cell}>
                    {session.accessKeyId ? (
                      <Link href={tableHref(datasetId, bare, [['accessKey', session.accessKeyId]])} className={`${link} font-mono text-xs`}>
                        {session.accessKeyId}
                      </Link>
                    ) : (
                      '—'
                    )}
                    <span className="block">
                      {session.errorCode ? <span className="text-xs text-red-700 dark:text-red-400">refused: {session.errorCode}</span> : <TieBadge tie={session.tiedBy} />}
                    </span>
                  </td>
                  <td className={cell}>
                    {session.used ? (
                      <>
                        <Link href={tableHref(datasetId, bare, [['accessKey', session.accessKeyId!]])} className={link}>
                          {plural(session.used.events, 'event')}
                        </Link>
                        {session.used.errors > 0 && <span className="text-red-700 dark:text-red-400"> ({plural(session.used.errors, 'error')})</span>} in {plural(session.used.services, 'service')} as{' '}
                        <Link href={identityHref(datasetId, view, session.used.identityKey)} className={link}>
                          {session.used.identityDisplay}
                        </Link>
                        <span className="block text-xs text-slate-500 dark:text-slate-400">
                          account {session.used.accountId ?? '?'} · {formatInZone(session.used.first, view.tz)} – {formatInZone(session.used.last, view.tz)}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-500 dark:text-slate-400">nothing in this dataset</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="How its sessions were created" className="space-y-1">
        <h3 className="text-sm font-semibold">How its sessions were created ({chains.origins.length})</h3>
        {chains.origins.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No call in this dataset issued a key this identity used.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {chains.origins.map((origin) => (
              <li key={origin.accessKeyId} className="rounded border border-slate-100 p-2 dark:border-slate-800">
                Key{' '}
                <Link href={tableHref(datasetId, bare, [['accessKey', origin.accessKeyId]])} className={`${link} font-mono text-xs`}>
                  {origin.accessKeyId}
                </Link>{' '}
                ({plural(origin.events, 'event')} from {formatInZone(origin.firstUsed, view.tz)}) was created by:
                <ul className="mt-1 space-y-1 pl-4">
                  {origin.createdBy.map((call) => (
                    <li key={call.eventId} className="flex flex-wrap items-center gap-x-2">
                      <Link href={identityHref(datasetId, view, call.identityKey)} className={`${link} font-medium`}>
                        {call.identityDisplay}
                      </Link>
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {call.identityType} · account {call.accountId ?? '?'} · from {call.sourceIp ?? '?'}
                      </span>
                      <Link href={eventHref(datasetId, view, call.eventId)} className={`${link} text-xs`}>
                        {call.eventName} at {formatInZone(call.eventTime, view.tz)}
                      </Link>
                      <TieBadge tie={call.tiedBy} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
