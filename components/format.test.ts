import { describe, expect, it } from 'vitest';
import { formatDuration, formatInZone, plural } from './format';

describe('formatInZone', () => {
  it('shows an instant in the chosen zone with its offset, daylight saving included', () => {
    expect(formatInZone('2024-08-01T12:00:00.000Z', 'UTC')).toBe('2024-08-01 12:00:00 UTC');
    expect(formatInZone('2024-08-01T12:00:00.000Z', 'Europe/Paris')).toBe('2024-08-01 14:00:00 +02:00');
    expect(formatInZone('2024-01-15T12:00:00.000Z', 'Europe/Paris')).toBe('2024-01-15 13:00:00 +01:00');
    expect(formatInZone('2024-08-01T02:30:00.000Z', 'America/New_York')).toBe('2024-07-31 22:30:00 -04:00');
    expect(formatInZone('2024-08-01T12:00:00.000Z', 'Asia/Kolkata')).toBe('2024-08-01 17:30:00 +05:30');
    expect(formatInZone(null, 'UTC')).toBe('—');
  });
});

describe('durations and plurals', () => {
  it('name a bucket size in the largest unit that divides it', () => {
    expect(formatDuration(365 * 86_400)).toBe('1 year');
    expect(formatDuration(6 * 3600)).toBe('6 hours');
    expect(formatDuration(90)).toBe('90 seconds');
    expect(formatDuration(300)).toBe('5 minutes');
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(1200, 'event')).toBe('1,200 events');
  });
});
