import type { RedactionCount, RedactionSummary as Summary } from '@/lib/store/get-redaction-summary';
import type { View } from '@/lib/view/view-schema';
import { CountList } from './count-list';
import { plural } from './format';
import { REDACTION_LABELS } from './redaction-badges';
import { tableHref } from './table-links';

/** What the logs hid, per kind, per service and per field path; each count opens the redacted events. */
export function RedactionSummary({ datasetId, view, redactions }: { datasetId: string; view: View; redactions: Summary }) {
  const spots = (count: RedactionCount) => count.spots;
  const kindLabel = (kind: string) => REDACTION_LABELS[kind as keyof typeof REDACTION_LABELS] ?? kind;
  return (
    <div className="grid grid-cols-3 gap-3" aria-label="Redactions">
      <CountList
        title="Redacted fields by kind"
        unit="redacted events"
        empty="Nothing redacted under this view."
        items={redactions.byKind.map((kind) => ({ key: kind.value, label: kindLabel(kind.value), detail: plural(kind.events, 'event'), count: spots(kind), href: tableHref(datasetId, view, [['redacted', kind.value]]) }))}
      />
      <CountList
        title="Redacted fields by service"
        unit="redacted events"
        empty="Nothing redacted under this view."
        items={redactions.byService.map((service) => ({
          key: service.value,
          label: service.label ?? service.value,
          detail: service.value,
          count: spots(service),
          href: tableHref(datasetId, view, [['service', service.value], ['redacted', 'any']]),
        }))}
      />
      <CountList
        title="Redacted fields by path"
        unit="redacted events"
        empty="Nothing redacted under this view."
        items={redactions.byPath.map((path) => ({ key: path.value, label: path.value, detail: plural(path.events, 'event'), count: spots(path), href: tableHref(datasetId, view, [['redactedPath', path.value]]) }))}
      />
    </div>
  );
}
