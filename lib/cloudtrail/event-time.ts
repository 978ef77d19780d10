/** The instant of a record, and how it was read when the record did not say it in ISO 8601 UTC. */
export interface EventTime {
  iso: string | null;
  note: string | null;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const SPACE_SEPARATED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/;
// Any other form is accepted only with an explicit offset, so that no server time zone leaks in.
const EXPLICIT_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function toIso(text: string): string | null {
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

/** Reads eventTime in the forms real logs use; falls back to a shipper's `@timestamp`. */
export function readEventTime(record: Record<string, unknown>): EventTime {
  const raw = record.eventTime;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (ISO_UTC.test(text)) return { iso: toIso(text), note: null };
    const spaced = SPACE_SEPARATED.exec(text);
    const basic = BASIC.exec(text);
    const iso = spaced
      ? toIso(`${spaced[1]}T${spaced[2]}${spaced[3] ? `.${spaced[3].slice(0, 3)}` : ''}Z`)
      : basic
        ? toIso(`${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}Z`)
        : EXPLICIT_OFFSET.test(text)
          ? toIso(text)
          : null;
    if (iso) return { iso, note: `eventTime "${raw}" read as ${iso}${spaced ? ' (UTC assumed)' : ''}` };
    return { iso: null, note: `eventTime "${raw}" is not a time` };
  }
  const stamp = record['@timestamp'];
  if (typeof stamp === 'string') {
    const iso = toIso(stamp.trim());
    if (iso) return { iso, note: `eventTime missing: used @timestamp ${stamp}` };
  }
  return { iso: null, note: 'eventTime missing' };
}
