import Link from 'next/link';
import { viewHref } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';
import { formatCount } from './format';

/** Where the current page sits in the result, with links to the pages around it. */
export function Pager({ view, pathname, total, shown, nextCursor }: { view: View; pathname: string; total: number; shown: number; nextCursor: number | null }) {
  const offset = view.cursor ?? 0;
  const previous = offset > 0 ? Math.max(0, offset - view.limit) : null;
  const linkClass = 'rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
  return (
    <nav className="flex items-center gap-3 text-sm" aria-label="Pages">
      <span>
        {shown === 0 ? 'No events' : `${formatCount(offset + 1)}–${formatCount(offset + shown)}`} of {formatCount(total)} events
      </span>
      {previous !== null && (
        <Link className={linkClass} href={viewHref(pathname, { ...view, cursor: previous || undefined })}>
          ← Previous
        </Link>
      )}
      {nextCursor !== null && (
        <Link className={linkClass} href={viewHref(pathname, { ...view, cursor: nextCursor })}>
          Next →
        </Link>
      )}
    </nav>
  );
}
