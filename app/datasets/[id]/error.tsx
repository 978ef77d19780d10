'use client';

/** A query that failed: say so and offer another try, instead of a blank page. */
export default function DatasetError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-red-300 p-4 dark:border-red-800">
      <h1 className="text-lg font-semibold">This page could not be drawn</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The store answered with an error{error.digest ? ` (reference ${error.digest})` : ''}. The server log has the details.
      </p>
      <button type="button" onClick={reset} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Try again
      </button>
    </div>
  );
}
