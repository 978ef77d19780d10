/** What an investigation page shows while its counts are computed. */
export function PageLoading() {
  return (
    <p role="status" aria-live="polite" className="animate-pulse p-6 text-sm text-slate-600 dark:text-slate-400">
      Counting events…
    </p>
  );
}
