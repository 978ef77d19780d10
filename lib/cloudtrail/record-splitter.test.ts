import { describe, expect, it } from 'vitest';
import { RecordSplitter, type SplitterOutput } from './record-splitter';

function split(text: string, chunkSize = text.length || 1, maxRecordChars = 1_000_000): SplitterOutput[] {
  const splitter = new RecordSplitter(maxRecordChars);
  const out: SplitterOutput[] = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...splitter.push(text.slice(i, i + chunkSize)));
  out.push(...splitter.end());
  return out;
}

const texts = (outputs: SplitterOutput[]) => outputs.flatMap((output) => (output.type === 'record' ? [output.record.text] : []));
const notes = (outputs: SplitterOutput[]) => outputs.flatMap((output) => (output.type === 'note' ? [output.note] : []));

describe('RecordSplitter', () => {
  it('cuts records out of an envelope and reports placeholders between them with their position', () => {
    const text = '{"Records": [\n  {"a": "}"},\n  ...\n  {"b": [1, {"c": 2}]}\n]}';
    const out = split(text);
    expect(texts(out)).toEqual(['{"a": "}"}', '{"b": [1, {"c": 2}]}']);
    expect(notes(out)).toEqual([{ kind: 'placeholder', text: '...', at: { line: 3, column: 3, offset: 30 } }]);
    expect(out.every((output) => output.type !== 'record' || output.record.inEnvelope)).toBe(true);
  });

  it('gives the same result whatever the chunk size', () => {
    const text = '{"Records": [{"a": "x\\"}"}, …, {"b": 1}]}\n{"c": 2}\n[{"d": 3}]';
    const whole = split(text);
    for (const size of [1, 2, 3, 7]) expect(split(text, size)).toEqual(whole);
    expect(texts(whole)).toEqual(['{"a": "x\\"}"}', '{"b": 1}', '{"c": 2}', '{"d": 3}']);
  });

  it('ends a string at a raw newline, so a missing quote does not swallow what follows', () => {
    const text = '{\n  "a": 1,\n  b": "x"\n}\n{"c": 2}';
    expect(texts(split(text))).toEqual(['{\n  "a": 1,\n  b": "x"\n}', '{"c": 2}']);
  });

  it('sets aside a line cut short and keeps reading the lines after it', () => {
    const text = '{"a": 1}\n{"b": {"c": 2\n{"d": 3}\n';
    const out = split(text);
    expect(texts(out)).toEqual(['{"a": 1}', '{"d": 3}']);
    expect(notes(out)).toEqual([{ kind: 'interrupted', text: '{"b": {"c": 2', at: { line: 2, column: 1, offset: 9 } }]);
  });

  it('reports text that is not a record, a record that never ends, and one over the size limit', () => {
    expect(notes(split('garbage {"a": 1}'))).toEqual([{ kind: 'stray-text', text: 'garbage', at: { line: 1, column: 1, offset: 0 } }]);
    expect(notes(split('{"a": {"b": 1}'))).toEqual([{ kind: 'unterminated', text: '{"a": {"b": 1}', at: { line: 1, column: 1, offset: 0 } }]);
    const out = split(`{"big": "${'x'.repeat(100)}"}\n{"small": 1}`, 16, 50);
    expect(texts(out)).toEqual(['{"small": 1}']);
    expect(notes(out)).toMatchObject([{ kind: 'oversized', at: { line: 1, column: 1 } }]);
  });
});
