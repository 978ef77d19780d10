import Link from 'next/link';
import type { Facet } from '@/lib/store/get-facets';
import { viewHref, withFilter } from '@/lib/view/url-codec';
import type { FilterField, View } from '@/lib/view/view-schema';
import { formatCount } from './format';

const FACET_TITLES: [FilterField, string][] = [
  ['service', 'Service'],
  ['event', 'Event name'],
  ['identity', 'Identity'],
  ['identityType', 'Identity type'],
  ['account', 'Account'],
  ['region', 'Region'],
  ['ip', 'Source IP'],
  ['agent', 'User agent'],
  ['error', 'Error code'],
  ['readOnly', 'Read-only'],
  ['eventType', 'Event type'],
  ['category', 'Category'],
  ['redacted', 'Redaction'],
];

const ACCOUNT_IN_ARN = /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/;

/** Labels as shown: where two values share one (users of the same name in two accounts), the account tells them apart. */
function labelsOf(facet: Facet): string[] {
  const labels = facet.values.map(({ value, label }) => label ?? value);
  return facet.values.map(({ value }, index) => {
    const label = labels[index]!;
    const account = ACCOUNT_IN_ARN.exec(value)?.[1];
    return account && labels.filter((other) => other === label).length > 1 ? `${label} (${account})` : label;
  });
}

/** Counts of each field's top values under the current view; a value includes, its ≠ excludes. */
export function FacetSidebar({ facets, view, pathname }: { facets: Partial<Record<FilterField, Facet>>; view: View; pathname: string }) {
  return (
    <nav aria-label="Facets" className="space-y-4 text-sm">
      {FACET_TITLES.map(([field, title]) => {
        const facet = facets[field];
        if (!facet || facet.values.length === 0) return null;
        const labels = labelsOf(facet);
        return (
          <section key={field} aria-label={title}>
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h2>
            <ul className="space-y-0.5">
              {facet.values.map(({ value, count }, index) => (
                <li key={value} className="group flex items-center gap-1">
                  <Link
                    href={viewHref(pathname, withFilter(view, field, value))}
                    className="min-w-0 flex-1 truncate hover:underline"
                    title={`Only ${value}`}
                  >
                    {labels[index]}
                  </Link>
                  <Link
                    href={viewHref(pathname, withFilter(view, field, value, true))}
                    className="rounded px-1 text-xs text-slate-400 opacity-60 hover:bg-slate-200 hover:text-slate-900 group-hover:opacity-100 dark:hover:bg-slate-700 dark:hover:text-white"
                    aria-label={`Exclude ${field} ${value}`}
                    title={`Exclude ${value}`}
                  >
                    ≠
                  </Link>
                  <span className="w-14 text-right tabular-nums text-slate-500 dark:text-slate-400">{formatCount(count)}</span>
                </li>
              ))}
              {facet.others > 0 && <li className="text-xs text-slate-500">and {formatCount(facet.others)} more events</li>}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
