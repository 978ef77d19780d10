import { REDACTION_EXPLANATIONS, type Redaction, type RedactionKind } from '@/lib/cloudtrail/redaction';

export const REDACTION_LABELS: Record<RedactionKind, string> = {
  hidden: 'hidden by AWS',
  protected: 'protected',
  masked: 'masked',
  omitted: 'omitted',
  'response-not-logged': 'response not logged',
};

/** One badge per kind of redaction in a record, with a count and the reason on hover, plus a repaired mark. */
export function RedactionBadges({ redactions, repaired }: { redactions: Redaction[]; repaired: boolean }) {
  const counts = new Map<RedactionKind, number>();
  for (const { kind } of redactions) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return (
    <span className="flex flex-wrap gap-1">
      {[...counts].map(([kind, count]) => (
        <span
          key={kind}
          title={`${REDACTION_EXPLANATIONS[kind]} (${count} value${count === 1 ? '' : 's'})`}
          className="whitespace-nowrap rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-800 dark:bg-violet-900/60 dark:text-violet-200"
        >
          {REDACTION_LABELS[kind]}
          {count > 1 ? ` ×${count}` : ''}
        </span>
      ))}
      {repaired && (
        <span title="The reader repaired this record to load it" className="whitespace-nowrap rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800 dark:bg-amber-900/60 dark:text-amber-200">
          repaired
        </span>
      )}
    </span>
  );
}
