/** `2014-04-04 17:28:16 UTC`-style text for an ISO instant; the dashboard shows UTC throughout. */
export function formatUtc(iso: string | null): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
