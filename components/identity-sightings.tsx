import Link from 'next/link';
import type { Sighting, Sightings } from '@/lib/store/get-identity-sightings';
import type { FilterField, View } from '@/lib/view/view-schema';
import { formatCount, formatInZone } from './format';
import { tableHref } from './table-links';

const KINDS: [keyof Sightings, string, FilterField, boolean][] = [
  ['sourceIps', 'Source IPs', 'ip', true],
  ['userAgents', 'User agents', 'agent', true],
  ['accessKeys', 'Access keys used', 'accessKey', false],
];

/** Where an identity called from and with what; values new to it (first seen after its earliest activity) are marked. */
export function IdentitySightings({ datasetId, view, identityKey, sightings }: { datasetId: string; view: View; identityKey: string; sightings: Sightings }) {
  const cell = 'px-2 py-1 align-top';
  return (
    <div className="grid grid-cols-3 gap-3">
      {KINDS.map(([kind, title, field, markNew]) => (
        <section key={kind} aria-label={title} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h2>
          {sightings[kind].length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">None under this view.</p>
          ) : (
            <table className="w-full table-fixed text-left text-sm" aria-label={title}>
              <tbody>
                {sightings[kind].map((sighting: Sighting) => (
                  <tr key={sighting.value} className="border-t border-slate-100 dark:border-slate-800">
                    <td className={`${cell} break-all`}>
                      <Link href={tableHref(datasetId, view, [['identity', identityKey], [field, sighting.value]])} className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400">
                        {sighting.value}
                      </Link>
                      {markNew && sighting.isNew && (
                        <span
                          className="ml-1 rounded bg-amber-100 px-1 text-[11px] font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-200"
                          title={`First seen in this dataset at ${formatInZone(sighting.firstInDataset, view.tz)}, after this identity's earlier activity`}
                        >
                          new
                        </span>
                      )}
                      <span className="block text-[11px] text-slate-500 dark:text-slate-400">
                        {formatInZone(sighting.first, view.tz)} – {formatInZone(sighting.last, view.tz)}
                      </span>
                    </td>
                    <td className={`${cell} w-16 text-right tabular-nums`}>{formatCount(sighting.events)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
