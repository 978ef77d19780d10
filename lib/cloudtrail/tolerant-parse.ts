import { diffChars } from 'diff';
import { jsonrepair } from 'jsonrepair';
import { type SourcePosition, positionWithin } from './source-position';
import type { Repair } from './repair';

export type TolerantParseResult =
  | { ok: true; value: unknown; repairs: Repair[] }
  | { ok: false; reason: string; at: SourcePosition };

const PLACEHOLDER_REMOVED = /^,?\s*(\.\.\.|…)\s*,?$/;

/**
 * Parses one record's text. Valid JSON goes straight through. Otherwise the text is repaired with
 * jsonrepair and the repair is accepted only when every edit is one of the harmless defects found
 * in pasted logs (trailing or missing comma, missing quote, `...` placeholder). Anything else —
 * a truncated record, brackets that have to be invented — is refused, so that no damage that could
 * change the meaning of a record is ever hidden.
 */
export function tolerantParse(text: string, start: SourcePosition): TolerantParseResult {
  try {
    return { ok: true, value: JSON.parse(text), repairs: [] };
  } catch (error) {
    const failure = describeParseError(error, text, start);
    let repaired: string;
    try {
      repaired = jsonrepair(text);
    } catch {
      return failure;
    }
    const repairs = classifyEdits(text, repaired, start);
    if (!repairs) return failure;
    return { ok: true, value: JSON.parse(repaired), repairs };
  }
}

function classifyEdits(original: string, repaired: string, start: SourcePosition): Repair[] | null {
  const repairs: Repair[] = [];
  let offset = 0;
  for (const part of diffChars(original, repaired)) {
    const at = positionWithin(original, offset, start);
    const value = part.value.trim();
    if (part.removed) {
      offset += part.value.length;
      if (value === '') continue;
      if (value === ',') repairs.push({ kind: 'trailing-comma', message: 'removed a trailing comma', at });
      else if (PLACEHOLDER_REMOVED.test(value))
        repairs.push({ kind: 'placeholder', message: `removed the placeholder "${value.replace(/,/g, '').trim()}"`, at });
      else return null;
    } else if (part.added) {
      if (value === '') continue;
      if (/^"+$/.test(value)) repairs.push({ kind: 'missing-quote', message: 'added a missing quote', at });
      else if (value === ',') repairs.push({ kind: 'missing-comma', message: 'added a missing comma', at });
      else return null;
    } else {
      offset += part.value.length;
    }
  }
  return repairs;
}

function describeParseError(error: unknown, text: string, start: SourcePosition) {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const offset = match ? Number(match[1]) : text.length;
  const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '');
  return { ok: false as const, reason: `not valid JSON: ${reason}`, at: positionWithin(text, offset, start) };
}
