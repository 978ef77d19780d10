/** `2014-04-04 17:28:16 UTC`-style text for an ISO instant. */
export function formatUtc(iso: string | null): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** An instant in the view's time zone, its offset always shown so no reader mistakes the zone. */
export function formatInZone(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  if (timeZone === 'UTC') return formatUtc(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** `3 events`, `1 event`. */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

const DURATION_UNITS: [number, string][] = [
  [365 * 86_400, 'year'],
  [30 * 86_400, 'month'],
  [7 * 86_400, 'week'],
  [86_400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** A bucket size in the largest unit that divides it: `1 year`, `6 hours`, `30 seconds`. */
export function formatDuration(seconds: number): string {
  const [size, unit] = DURATION_UNITS.find(([size]) => seconds >= size && seconds % size === 0) ?? [1, 'second'];
  return plural(seconds / size, unit);
}
