'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';
import { viewHref } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Shows times in UTC or in this browser's zone; the choice is part of the view, so links keep it. */
export function TimeZoneToggle({ view, pathname }: { view: View; pathname: string }) {
  // The browser's zone is only known in the browser: the server renders the UTC choice alone.
  const local = useSyncExternalStore(() => () => {}, browserZone, () => null);
  const linkClass = (active: boolean) =>
    `rounded px-2 py-0.5 ${active ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`;
  return (
    <span className="flex items-center gap-1 text-sm" aria-label="Time zone">
      Times:
      <Link href={viewHref(pathname, { ...view, tz: 'UTC' })} className={linkClass(view.tz === 'UTC')} aria-current={view.tz === 'UTC' || undefined}>
        UTC
      </Link>
      {local && local !== 'UTC' && (
        <Link href={viewHref(pathname, { ...view, tz: local })} className={linkClass(view.tz === local)} aria-current={view.tz === local || undefined}>
          local ({local})
        </Link>
      )}
      {view.tz !== 'UTC' && view.tz !== local && <span className={linkClass(true)}>{view.tz}</span>}
    </span>
  );
}
