import { describe, expect, it } from 'vitest';
import { ViewError, parseView, viewToSearchParams, withFilter, withFilterValue, withoutFilter } from './url-codec';

const view = (query: string) => parseView(new URLSearchParams(query));

describe('the view URL codec', () => {
  it('reads repeatable filters with negation, and writes them back the same', () => {
    const query = 'service=s3.amazonaws.com&service=%21iam.amazonaws.com&error=any&readOnly=false&redacted=hidden&q=root&from=-24h&to=2024-08-02T00%3A00%3A00Z&tz=Europe%2FParis&sort=identity&order=asc&limit=50&cursor=100';
    const parsed = view(query);
    expect(parsed).toMatchObject({
      filters: {
        service: [
          { value: 's3.amazonaws.com', negate: false },
          { value: 'iam.amazonaws.com', negate: true },
        ],
        error: [{ value: 'any', negate: false }],
        readOnly: [{ value: 'false', negate: false }],
        redacted: [{ value: 'hidden', negate: false }],
      },
      q: 'root',
      from: '-24h',
      to: '2024-08-02T00:00:00Z',
      sort: 'identity',
      order: 'asc',
      limit: 50,
      cursor: 100,
      tz: 'Europe/Paris',
    });
    expect(viewToSearchParams(parsed).toString()).toBe(query);
    expect(parseView(viewToSearchParams(parsed))).toEqual(parsed);
  });

  it('reads field filters as analysts write them', () => {
    const parsed = view('f.additionalEventData.MFAUsed=No&f.errorMessage~Failed%20authentication&f.requestParameters.enable=!false&f.resources[0].ARN~!bucket');
    expect(parsed.fields).toEqual([
      { path: 'additionalEventData.MFAUsed', match: 'equals', value: 'No', negate: false },
      { path: 'errorMessage', match: 'contains', value: 'Failed authentication', negate: false },
      { path: 'requestParameters.enable', match: 'equals', value: 'false', negate: true },
      { path: 'resources[0].ARN', match: 'contains', value: 'bucket', negate: true },
    ]);
    expect(parseView(viewToSearchParams(parsed))).toEqual(parsed);
    expect(view('f.errorMessage~a=b').fields[0]).toMatchObject({ match: 'contains', value: 'a=b' });
  });

  it('keeps hidden table columns and the open record in the view', () => {
    const parsed = view('hide=region,account&detail=abc-123');
    expect(parsed).toMatchObject({ hide: ['region', 'account'], detail: 'abc-123' });
    expect(viewToSearchParams(parsed).toString()).toBe('hide=region%2Caccount&detail=abc-123');
    expect(() => view('hide=password')).toThrow(ViewError);
  });

  it('leaves defaults out of URLs', () => {
    expect(viewToSearchParams(view('sort=time&order=desc&limit=100&tz=UTC')).toString()).toBe('');
  });

  it('refuses values it cannot mean, with a message naming the parameter', () => {
    for (const bad of ['readOnly=maybe', 'redacted=secret', 'sort=password', 'limit=100000', 'from=yesterday', 'tz=Mars%2FOlympus', 'f.a..b=1', "f.a'b=1", 'cursor=-1']) {
      expect(() => view(bad), bad).toThrow(ViewError);
    }
    expect(() => view('readOnly=maybe')).toThrow(/readOnly must be one of true, false/);
  });

  it('adds and removes a filter, restarting paging', () => {
    const start = view('cursor=200&region=us-east-1');
    const added = withFilter(start, 'service', 'sts.amazonaws.com', true);
    expect(viewToSearchParams(added).toString()).toBe('service=%21sts.amazonaws.com&region=us-east-1');
    expect(viewToSearchParams(withoutFilter(added, 'region', 'us-east-1')).toString()).toBe('service=%21sts.amazonaws.com');
  });

  it('keeps how the histogram is stacked, leaving the default out', () => {
    expect(view('stack=service').stack).toBe('service');
    expect(viewToSearchParams(view('stack=service&region=eu-west-1')).toString()).toBe('region=eu-west-1&stack=service');
    expect(view('').stack).toBe('outcome');
    expect(viewToSearchParams(view('stack=outcome')).toString()).toBe('');
    expect(() => view('stack=region')).toThrow(/stack/);
  });

  it('changes one filter value in place, keeping its negation and the other values, restarting paging', () => {
    const start = view('cursor=100&service=s3.amazonaws.com&service=%21iam.amazonaws.com&region=us-east-1');
    expect(viewToSearchParams(withFilterValue(start, 'service', 'iam.amazonaws.com', 'sts.amazonaws.com')).toString()).toBe(
      'service=s3.amazonaws.com&service=%21sts.amazonaws.com&region=us-east-1',
    );
    // Changing a value into one the filter already has leaves that value once, not twice.
    expect(viewToSearchParams(withFilterValue(start, 'service', 'iam.amazonaws.com', 's3.amazonaws.com')).toString()).toBe(
      'service=%21s3.amazonaws.com&region=us-east-1',
    );
  });
});
