'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { type PageSettings, pageHref } from '@/lib/view/page-params';
import { withFilter, withFilterValue, withoutFilter } from '@/lib/view/url-codec';
import { ALLOWED_VALUES, FILTER_FIELDS, type FilterField, type View } from '@/lib/view/view-schema';

type Editing = { field: FilterField; value: string } | 'q' | null;

/** A pill's value turned into a field: Enter applies it through the URL, Escape or leaving it gives up. */
function ValueEditor({ label, value, options, onApply, onCancel }: { label: string; value: string; options?: readonly string[]; onApply: (value: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(value);
  const inputClass = 'rounded border border-slate-300 bg-white px-1 text-sm dark:border-slate-600 dark:bg-slate-950';
  if (options) {
    return (
      <select aria-label={label} autoFocus className={inputClass} value={text} onChange={(event) => onApply(event.target.value)} onBlur={onCancel} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    );
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim()) onApply(text.trim());
  }
  return (
    <form onSubmit={submit} className="inline">
      <input
        aria-label={label}
        autoFocus
        className={`${inputClass} w-48`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={onCancel}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      />
    </form>
  );
}

/** The view's active filters, each with controls to change its value, negate it and remove it. */
export function FilterPills({ view, pathname, settings }: { view: View; pathname: string; settings?: PageSettings }) {
  const router = useRouter();
  const hrefFor = (next: View) => pageHref(pathname, next, settings);
  const [editing, setEditing] = useState<Editing>(null);
  const pills = FILTER_FIELDS.flatMap((field) => (view.filters[field] ?? []).map((item) => ({ field, ...item })));
  if (pills.length === 0 && !view.q) return null;

  const apply = (next: View) => {
    setEditing(null);
    router.push(hrefFor(next));
  };
  const valueButton = (text: string, label: string, onClick: () => void) => (
    <button type="button" onClick={onClick} aria-label={label} title="Change this value" className="font-medium hover:underline">
      {text}
    </button>
  );

  return (
    <ul className="flex flex-wrap gap-2" aria-label="Active filters">
      {pills.map(({ field, value, negate }) => (
        <li
          key={`${field}=${value}`}
          className={`flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm ${
            negate ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40' : 'border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40'
          }`}
        >
          <span>
            {field} {negate ? '≠' : '='}{' '}
            {typeof editing === 'object' && editing?.field === field && editing.value === value ? (
              <ValueEditor
                label={`New value for ${field}`}
                value={value}
                options={ALLOWED_VALUES[field]}
                onApply={(next) => apply(withFilterValue(view, field, value, next))}
                onCancel={() => setEditing(null)}
              />
            ) : (
              valueButton(value, `Change ${field} ${value}`, () => setEditing({ field, value }))
            )}
          </span>
          <Link href={hrefFor(withFilter(view, field, value, !negate))} className="px-1 text-xs text-slate-500 hover:text-slate-900 dark:hover:text-white" aria-label={`${negate ? 'Include' : 'Exclude'} ${field} ${value}`}>
            {negate ? '+' : '≠'}
          </Link>
          <Link href={hrefFor(withoutFilter(view, field, value))} className="px-1 text-slate-500 hover:text-slate-900 dark:hover:text-white" aria-label={`Remove filter ${field} ${value}`}>
            ×
          </Link>
        </li>
      ))}
      {view.q && (
        <li className="flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-sm">
          text contains{' '}
          {editing === 'q' ? (
            <ValueEditor label="New search text" value={view.q} onApply={(q) => apply({ ...view, q, cursor: undefined })} onCancel={() => setEditing(null)} />
          ) : (
            valueButton(`“${view.q}”`, 'Change the search text', () => setEditing('q'))
          )}
          <Link href={hrefFor({ ...view, q: undefined, cursor: undefined })} className="px-1 text-slate-500" aria-label="Remove text search">
            ×
          </Link>
        </li>
      )}
    </ul>
  );
}
