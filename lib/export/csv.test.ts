import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, neutralizeCell } from './csv';

describe('CSV export', () => {
  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    for (const hostile of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralizeCell(hostile)).toBe(`'${hostile}`);
    }
    for (const harmless of ['AccessDenied', '203.0.113.7', '2024-08-01T00:00:00Z', '', 'a=b']) expect(neutralizeCell(harmless)).toBe(harmless);
  });

  it('writes rows that read back as the same text, quotes, commas and newlines included', () => {
    const rows = [
      { eventName: 'GetObject', userAgent: 'aws-cli/2.0 "quoted", with comma', errorMessage: 'line one\nline two', readOnly: 'true' },
      { eventName: '=cmd|" /C calc"!A0', userAgent: null, errorMessage: undefined, readOnly: 'false' },
    ];
    const columns = ['eventName', 'userAgent', 'errorMessage', 'readOnly'];
    const text = csvLines(rows, columns, true);
    expect(parse(text)).toEqual([
      columns,
      ['GetObject', 'aws-cli/2.0 "quoted", with comma', 'line one\nline two', 'true'],
      ['\'=cmd|" /C calc"!A0', '', '', 'false'],
    ]);
    expect(csvLines(rows.slice(0, 1), columns, false).startsWith('GetObject,')).toBe(true);
  });
});
