import type { Problem } from '@/lib/store/problems';

/** The reason alone: readers often start it with the file's name, which the list already shows. */
const reasonOf = (problem: Problem) => (problem.reason.startsWith(`${problem.file}: `) ? problem.reason.slice(problem.file.length + 2) : problem.reason);

/** Each file that could not be read, with why, as a list an analyst can act on. */
export function FileErrors({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label="Unreadable files" className="rounded border border-red-200 bg-red-50/50 p-2 text-sm dark:border-red-900 dark:bg-red-950/20">
      <h2 className="font-medium text-red-800 dark:text-red-300">
        {problems.length === 1 ? '1 file could not be read' : `${problems.length.toLocaleString('en-US')} files could not be read`}
      </h2>
      <ul className="mt-1 max-h-48 space-y-0.5 overflow-auto">
        {problems.map((problem, index) => (
          <li key={index}>
            <span className="break-all font-mono text-xs">{problem.file}</span> — {reasonOf(problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
