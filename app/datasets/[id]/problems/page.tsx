import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { formatUtc } from '@/components/format';
import { getDataset } from '@/lib/store/datasets';
import { getRepairedEvents } from '@/lib/store/get-repaired-events';
import { type Problem, getProblems } from '@/lib/store/problems';

type PageProps = { params: Promise<{ id: string }> };

function Section({ title, count, empty, children }: { title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section className="space-y-2" aria-label={title}>
      <h2 className="text-lg font-semibold">
        {title} <span className="text-slate-500">({count})</span>
      </h2>
      {count === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p> : children}
    </section>
  );
}

const place = (problem: Problem) => (problem.line === null ? problem.file : `${problem.file}, line ${problem.line}, column ${problem.column}`);

export default async function ProblemsPage({ params }: PageProps) {
  const { id } = await params;
  const dataset = await getDataset(id);
  if (!dataset) notFound();
  const [problems, repaired] = await Promise.all([getProblems(id), getRepairedEvents(id)]);
  const quarantined = problems.filter((problem) => problem.kind === 'quarantined');
  const unreadable = problems.filter((problem) => problem.kind === 'file-error');
  const skipped = problems.filter((problem) => problem.kind === 'skipped');
  const cell = 'px-3 py-1.5 align-top';

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={`/datasets/${id}`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          ← {dataset.name}
        </Link>
        <h1 className="text-2xl font-semibold">Problems while reading</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nothing is dropped silently: every record that was repaired or set aside, and every file that was skipped or could not be read, is listed here.
        </p>
      </header>

      <Section title="Repaired records" count={repaired.length} empty="No record needed a repair.">
        <table className="w-full text-left text-sm" aria-label="Repaired records">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className={cell}>Record</th>
              <th className={cell}>Where</th>
              <th className={cell}>What was repaired</th>
            </tr>
          </thead>
          <tbody>
            {repaired.map((event) => (
              <tr key={`${event.eventId}-${event.file}-${event.line}`} className="border-t border-slate-200 dark:border-slate-800">
                <td className={cell}>
                  <span className="font-medium">{event.eventName ?? '(no event name)'}</span>
                  <div className="text-xs text-slate-500">{formatUtc(event.eventTime)}</div>
                </td>
                <td className={`${cell} font-mono text-xs`}>
                  {event.file}:{event.line}
                </td>
                <td className={cell}>
                  <ul className="space-y-0.5">
                    {event.repairs.map((repair, index) => (
                      <li key={index}>
                        <span className="font-mono text-xs text-slate-500">
                          {repair.at.line}:{repair.at.column}
                        </span>{' '}
                        {repair.message}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Quarantined records" count={quarantined.length} empty="No record had to be set aside.">
        <ul className="space-y-3">
          {quarantined.map((problem, index) => (
            <li key={index} className="rounded border border-red-200 p-3 dark:border-red-900">
              <p className="text-sm">
                <span className="font-mono text-xs">{place(problem)}</span> — {problem.reason}
              </p>
              {problem.raw && <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap break-all bg-slate-100 p-2 text-xs dark:bg-slate-900">{problem.raw}</pre>}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Unreadable files" count={unreadable.length} empty="Every file could be read.">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {unreadable.map((problem, index) => (
            <li key={index}>{problem.reason}</li>
          ))}
        </ul>
      </Section>

      <Section title="Skipped files" count={skipped.length} empty="No file was skipped.">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {skipped.map((problem, index) => (
            <li key={index}>
              <span className="font-mono text-xs">{problem.file}</span> — {problem.reason}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
