'use client';

import type { ReactNode } from 'react';
import { REDACTION_EXPLANATIONS, type Redaction, type RedactionKind } from '@/lib/cloudtrail/redaction';
import { CopyButton } from './copy-button';
import { REDACTION_LABELS } from './redaction-badges';

function Badge({ kind }: { kind: RedactionKind }) {
  return (
    <span
      title={REDACTION_EXPLANATIONS[kind]}
      className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 font-sans text-[11px] text-violet-800 dark:bg-violet-900/60 dark:text-violet-200"
    >
      {REDACTION_LABELS[kind]}
    </span>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="text-emerald-700 dark:text-emerald-400">{JSON.stringify(value)}</span>;
  if (value === null) return <span className="text-slate-400">null</span>;
  return <span className="text-amber-700 dark:text-amber-400">{String(value)}</span>;
}

/** A scalar as an analyst pastes it: strings bare, everything else as JSON. */
const copyText = (value: unknown) => () => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));
// Shown on hover or focus only, so a long record does not read as a column of buttons.
const revealed = 'opacity-0 group-hover:opacity-100 focus:opacity-100';

function Node({ name, value, path, marks, depth }: { name: ReactNode; value: unknown; path: string; marks: Map<string, RedactionKind>; depth: number }) {
  const mark = marks.get(path);
  const key = name === null ? null : <span className="text-sky-800 dark:text-sky-300">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className={`group ${mark ? 'rounded bg-violet-50 dark:bg-violet-950/40' : ''}`} data-redacted={mark}>
        {key}
        <Scalar value={value} />
        {mark && <Badge kind={mark} />}
        <CopyButton text={copyText(value)} label={`Copy ${path || 'value'}`} className={`ml-2 ${revealed}`} />
      </div>
    );
  }
  const entries: [string, unknown, string][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item, `${path}[${index}]`])
    : Object.entries(value).map(([child, item]) => [child, item, path ? `${path}.${child}` : child]);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <details open={depth < 3} className={mark ? 'rounded bg-violet-50 dark:bg-violet-950/40' : undefined}>
      <summary className="group cursor-pointer select-none">
        {key}
        {open}
        {entries.length === 0 ? close : <span className="text-slate-400"> {entries.length} </span>}
        {mark && <Badge kind={mark} />}
        {path && <CopyButton text={copyText(value)} label={`Copy ${path}`} className={`ml-2 ${revealed}`} />}
      </summary>
      <div className="border-l border-slate-200 pl-4 dark:border-slate-700">
        {entries.map(([child, item, childPath]) => (
          <Node key={child} name={Array.isArray(value) ? null : child} value={item} path={childPath} marks={marks} depth={depth + 1} />
        ))}
      </div>
      {entries.length > 0 && <div>{close}</div>}
    </details>
  );
}

/** A record as a collapsible tree, every redacted spot marked with what kind of redaction it is, each value copyable. */
export function JsonTree({ value, redactions }: { value: unknown; redactions: Redaction[] }) {
  const marks = new Map(redactions.map((redaction) => [redaction.path, redaction.kind] as const));
  return (
    <div className="relative overflow-x-auto font-mono text-xs leading-5" aria-label="Record">
      <CopyButton text={copyText(value)} label="Copy the whole record" caption="copy record" className="absolute right-0 top-0 border border-slate-300 dark:border-slate-600" />
      <Node name={null} value={value} path="" marks={marks} depth={0} />
    </div>
  );
}
