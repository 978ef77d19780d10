'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type PageSettings, pageHref } from '@/lib/view/page-params';
import type { View } from '@/lib/view/view-schema';

/**
 * Drag across time buckets to zoom: the span from the first bucket pressed to the last one
 * released becomes the view's `from` and `to` (a click on one bucket zooms to that bucket when
 * `zoomOnClick` is set). Shared by the event histogram and the per-service timeline.
 */
export function useBucketDrag({
  starts,
  bucketSeconds,
  view,
  pathname,
  zoomOnClick,
  settings,
}: {
  starts: string[];
  bucketSeconds: number;
  view: View;
  pathname: string;
  zoomOnClick: boolean;
  /** The page's own settings beside the view (a lane order), kept through the zoom. */
  settings?: PageSettings;
}) {
  const router = useRouter();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);

  function finish(index: number | null) {
    const last = index ?? to;
    setFrom(null);
    setTo(null);
    if (from === null || last === null || (last === from && !zoomOnClick)) return;
    const [low, high] = from <= last ? [from, last] : [last, from];
    const end = new Date(Date.parse(starts[high]!) + bucketSeconds * 1000).toISOString();
    router.push(pageHref(pathname, { ...view, from: starts[low]!, to: end, cursor: undefined }, settings));
  }

  return {
    /** The buckets under the drag so far, lowest first, or null. */
    selection: from !== null && to !== null ? ([Math.min(from, to), Math.max(from, to)] as const) : null,
    start: (index: number) => {
      setFrom(index);
      setTo(index);
    },
    move: (index: number) => {
      if (from !== null) setTo(index);
    },
    finish,
    cancel: () => {
      setFrom(null);
      setTo(null);
    },
  };
}
