import Link from 'next/link';
import { viewHref, withFilter, withoutFilter } from '@/lib/view/url-codec';
import { FILTER_FIELDS, type View } from '@/lib/view/view-schema';

/** The view's active filters, each with controls to negate it and to remove it. */
export function FilterPills({ view, pathname }: { view: View; pathname: string }) {
  const pills = FILTER_FIELDS.flatMap((field) => (view.filters[field] ?? []).map((item) => ({ field, ...item })));
  if (pills.length === 0 && !view.q) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Active filters">
      {pills.map(({ field, value, negate }) => (
        <li
          key={`${field}=${value}`}
          className={`flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm ${
            negate ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40' : 'border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40'
          }`}
        >
          <span>
            {field} {negate ? '≠' : '='} <span className="font-medium">{value}</span>
          </span>
          <Link href={viewHref(pathname, withFilter(view, field, value, !negate))} className="px-1 text-xs text-slate-500 hover:text-slate-900 dark:hover:text-white" aria-label={`${negate ? 'Include' : 'Exclude'} ${field} ${value}`}>
            {negate ? '＋' : '≠'}
          </Link>
          <Link href={viewHref(pathname, withoutFilter(view, field, value))} className="px-1 text-slate-500 hover:text-slate-900 dark:hover:text-white" aria-label={`Remove filter ${field} ${value}`}>
            ×
          </Link>
        </li>
      ))}
      {view.q && (
        <li className="flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-sm">
          text contains <span className="font-medium">“{view.q}”</span>
          <Link href={viewHref(pathname, { ...view, q: undefined, cursor: undefined })} className="px-1 text-slate-500" aria-label="Remove text search">
            ×
          </Link>
        </li>
      )}
    </ul>
  );
}
