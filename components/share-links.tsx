'use client';

import { useState } from 'react';

type Shared = { kind: 'full' | 'short'; url: string; copied: boolean } | { kind: 'error'; message: string } | null;

async function copy(url: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * The view's own URL, or a short `/v/<id>` link that keeps the view on the server: short links
 * keep ARNs, keys and IPs out of chat logs and browser history.
 */
export function ShareLinks({ datasetId }: { datasetId: string }) {
  const [shared, setShared] = useState<Shared>(null);
  const buttonClass = 'rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

  async function shareFull() {
    const url = window.location.href;
    setShared({ kind: 'full', url, copied: await copy(url) });
  }

  async function shareShort() {
    const response = await fetch('/api/views', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ datasetId, query: window.location.search.slice(1) }),
    });
    const body = (await response.json().catch(() => null)) as { path?: string; error?: { message: string } } | null;
    if (!response.ok || !body?.path) {
      setShared({ kind: 'error', message: body?.error?.message ?? `the server answered ${response.status}` });
      return;
    }
    const url = `${window.location.origin}${body.path}`;
    setShared({ kind: 'short', url, copied: await copy(url) });
  }

  return (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" className={buttonClass} onClick={shareFull}>
        Copy link
      </button>
      <button type="button" className={buttonClass} onClick={shareShort}>
        Copy short link
      </button>
      {shared && shared.kind !== 'error' && (
        <span role="status" className="flex items-center gap-1">
          <input readOnly aria-label={shared.kind === 'short' ? 'Short link' : 'Link'} value={shared.url} className="w-64 rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-950" onFocus={(event) => event.currentTarget.select()} />
          {shared.copied ? 'copied' : 'select and copy'}
        </span>
      )}
      {shared?.kind === 'error' && <span role="alert" className="text-red-700 dark:text-red-400">{shared.message}</span>}
    </span>
  );
}
