import Link from 'next/link';

/** A row of mutually exclusive choices, each a link (so the choice lives in the URL). */
export function SortLinks({ label, options, current }: { label: string; options: { value: string; title: string; href: string }[]; current: string }) {
  return (
    <nav aria-label={label} className="flex items-center gap-1 text-sm">
      <span className="text-slate-500 dark:text-slate-400">{label}:</span>
      {options.map((option) => (
        <Link
          key={option.value}
          href={option.href}
          aria-current={option.value === current ? 'true' : undefined}
          className={`rounded px-2 py-0.5 ${option.value === current ? 'bg-slate-200 font-medium dark:bg-slate-700' : 'text-sky-700 hover:bg-slate-100 dark:text-sky-400 dark:hover:bg-slate-800'}`}
        >
          {option.title}
        </Link>
      ))}
    </nav>
  );
}
