import Link from 'next/link';
import type { IdentityDetail } from '@/lib/store/get-identity';
import type { View } from '@/lib/view/view-schema';
import { CountList } from './count-list';
import { formatCount, formatInZone } from './format';
import { eventHref, tableHref } from './table-links';

const box = 'min-w-0 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900';
const heading = 'text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';
const cell = 'px-2 py-1 align-top';
const link = 'text-sky-700 hover:underline dark:text-sky-400';

/** A role's sessions, one row each, linking to the session's events. */
export function RoleSessions({ datasetId, view, detail }: { datasetId: string; view: View; detail: IdentityDetail }) {
  const key = detail.principal.key;
  return (
    <section aria-label="Sessions under this role" className={box}>
      <h2 className={heading}>Sessions under this role ({detail.sessions.length})</h2>
      <table className="w-full text-left text-sm" aria-label="Sessions under this role">
        <thead className="text-xs text-slate-500 dark:text-slate-400">
          <tr>
            <th className={cell}>Session</th>
            <th className={`${cell} text-right`}>Events</th>
            <th className={`${cell} text-right`}>Errors</th>
            <th className={`${cell} text-right`}>Keys</th>
            <th className={`${cell} text-right`}>IPs</th>
            <th className={cell}>MFA</th>
            <th className={cell}>Active</th>
          </tr>
        </thead>
        <tbody>
          {detail.sessions.map((session) => {
            const events = session.arn ? { ...view, fields: [...view.fields, { path: 'userIdentity.arn', match: 'equals' as const, value: session.arn, negate: false }] } : view;
            return (
              <tr key={session.sessionName} className="border-t border-slate-100 dark:border-slate-800">
                <td className={`${cell} break-all`}>
                  <Link href={tableHref(datasetId, events, [['identity', key]])} className={link}>
                    {session.sessionName}
                  </Link>
                  {session.sourceIdentity && <span className="block text-xs text-slate-500">source identity {session.sourceIdentity}</span>}
                </td>
                <td className={`${cell} text-right tabular-nums`}>{formatCount(session.events)}</td>
                <td className={`${cell} text-right tabular-nums text-red-700 dark:text-red-400`}>{session.errors ? formatCount(session.errors) : ''}</td>
                <td className={`${cell} text-right tabular-nums`}>{formatCount(session.accessKeys)}</td>
                <td className={`${cell} text-right tabular-nums`}>{formatCount(session.sourceIps)}</td>
                <td className={cell}>{session.mfa === null ? '—' : session.mfa ? 'yes' : 'no'}</td>
                <td className={`${cell} whitespace-nowrap text-xs`}>
                  {formatInZone(session.first, view.tz)} – {formatInZone(session.last, view.tz)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Top event names, errors and console sign-ins of an identity. */
export function IdentityActivity({ datasetId, view, detail }: { datasetId: string; view: View; detail: IdentityDetail }) {
  const key = detail.principal.key;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-3">
      <CountList
        title="Top event names"
        items={detail.eventNames.map((name) => ({
          key: name.value ?? '(none)',
          label: name.value ?? '(none)',
          count: name.count,
          errors: name.errors,
          href: tableHref(datasetId, view, name.value ? [['identity', key], ['event', name.value]] : [['identity', key]]),
        }))}
      />
      <div className="space-y-3">
        <section aria-label="Errors" className={box}>
          <h2 className={heading}>Errors ({formatCount(detail.principal.errors)})</h2>
          {detail.errors.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No failed call under this view.</p>
          ) : (
            <table className="w-full table-fixed text-left text-sm" aria-label="Errors">
              <tbody>
                {detail.errors.map((error) => (
                  <tr key={`${error.errorCode}|${error.eventName}`} className="border-t border-slate-100 dark:border-slate-800">
                    <td className={`${cell} break-words`}>
                      <Link href={tableHref(datasetId, view, [['identity', key], ['error', error.errorCode], ...(error.eventName ? [['event', error.eventName] as ['event', string]] : [])])} className="font-medium text-red-700 hover:underline dark:text-red-400">
                        {error.errorCode}
                      </Link>{' '}
                      on {error.eventName ?? '(no event name)'}
                      {error.message && <span className="line-clamp-2 break-all text-xs text-slate-500 dark:text-slate-400" title={error.message}>{error.message}</span>}
                    </td>
                    <td className={`${cell} w-14 text-right tabular-nums`}>{formatCount(error.count)}</td>
                    <td className={`${cell} w-36 text-xs`}>last {formatInZone(error.last, view.tz)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-label="Console sign-ins" className={box}>
          <h2 className={heading}>Console sign-ins ({detail.consoleSignIns.length})</h2>
          {detail.consoleSignIns.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No console sign-in under this view.</p>
          ) : (
            <table className="w-full text-left text-sm" aria-label="Console sign-ins">
              <tbody>
                {detail.consoleSignIns.map((signIn) => (
                  <tr key={signIn.eventId} className="border-t border-slate-100 dark:border-slate-800">
                    <td className={cell}>
                      <Link href={eventHref(datasetId, view, signIn.eventId)} className={link}>
                        {formatInZone(signIn.eventTime, view.tz)}
                      </Link>
                    </td>
                    <td className={`${cell} font-mono text-xs`}>{signIn.sourceIp ?? '—'}</td>
                    <td className={cell}>
                      <span className={signIn.result === 'Success' ? '' : 'text-red-700 dark:text-red-400'}>{signIn.result ?? 'unknown outcome'}</span>
                      {signIn.errorMessage && <span className="block text-xs text-slate-500">{signIn.errorMessage}</span>}
                    </td>
                    <td className={cell}>
                      MFA{' '}
                      <span className={signIn.mfaUsed === 'Yes' ? 'font-medium' : 'font-medium text-amber-700 dark:text-amber-400'}>{signIn.mfaUsed ?? 'not recorded'}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
