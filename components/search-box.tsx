'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { viewHref } from '@/lib/view/url-codec';
import type { View } from '@/lib/view/view-schema';

/** Free text anywhere in the record, any case: written into the view's `q`. */
export function SearchBox({ view, pathname }: { view: View; pathname: string }) {
  const router = useRouter();
  const [text, setText] = useState(view.q ?? '');
  function search(event: FormEvent) {
    event.preventDefault();
    router.push(viewHref(pathname, { ...view, q: text.trim() || undefined, cursor: undefined }));
  }
  return (
    <form role="search" onSubmit={search} className="flex gap-2">
      <input
        type="search"
        aria-label="Search the records"
        placeholder="Search anywhere in the records: an ARN, an access key, an IP, a bucket…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950"
      />
      <button type="submit" className="rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
        Search
      </button>
    </form>
  );
}
