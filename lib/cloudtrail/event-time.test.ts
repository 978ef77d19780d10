import { describe, expect, it } from 'vitest';
import { readEventTime } from './event-time';

describe('readEventTime', () => {
  it('takes ISO 8601 UTC as it is', () => {
    expect(readEventTime({ eventTime: '2014-04-04T17:28:16Z' })).toEqual({ iso: '2014-04-04T17:28:16.000Z', note: null });
  });

  it('reads the other forms real logs use, and says how', () => {
    expect(readEventTime({ eventTime: '2025-03-26 16:43:57.000000000' })).toEqual({
      iso: '2025-03-26T16:43:57.000Z',
      note: 'eventTime "2025-03-26 16:43:57.000000000" read as 2025-03-26T16:43:57.000Z (UTC assumed)',
    });
    expect(readEventTime({ eventTime: '2019-01-01 00:00:00' }).iso).toBe('2019-01-01T00:00:00.000Z');
    expect(readEventTime({ eventTime: '20131102T010628Z' }).iso).toBe('2013-11-02T01:06:28.000Z');
    expect(readEventTime({ eventTime: '2024-08-01T14:00:00+02:00' }).iso).toBe('2024-08-01T12:00:00.000Z');
  });

  it('falls back to a shipper’s @timestamp, and refuses times without a zone it cannot place', () => {
    expect(readEventTime({ '@timestamp': '2020-09-14T00:44:23.000Z' })).toEqual({
      iso: '2020-09-14T00:44:23.000Z',
      note: 'eventTime missing: used @timestamp 2020-09-14T00:44:23.000Z',
    });
    expect(readEventTime({ eventTime: 'Dec 11, 2014 12:58:42 AM' })).toEqual({ iso: null, note: 'eventTime "Dec 11, 2014 12:58:42 AM" is not a time' });
    expect(readEventTime({})).toEqual({ iso: null, note: 'eventTime missing' });
  });
});
