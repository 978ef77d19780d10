'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Deletes a dataset, its events and its uploaded files, after the analyst confirms. */
export function DeleteDatasetButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function remove() {
    if (!window.confirm(`Delete “${name}” with all its events and uploaded files? This cannot be undone.`)) return;
    setBusy(true);
    const response = await fetch(`/api/datasets/${id}`, { method: 'DELETE' });
    setBusy(false);
    if (response.ok) router.refresh();
    else window.alert(`Could not delete: the server answered ${response.status}`);
  }
  return (
    <button type="button" onClick={remove} disabled={busy} aria-label={`Delete ${name}`} className="rounded px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50 dark:text-red-400 dark:hover:bg-red-950/40">
      Delete
    </button>
  );
}
