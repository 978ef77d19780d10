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
    // jsonrepair knows `...` placeholders but would quote a bare `…` as a string; spell it the known way.
    const spelled = spellOutEllipses(text);
    let repaired: string;
    try {
      repaired = jsonrepair(spelled.text);
    } catch {
      return failure;
    }
    const repairs = classifyEdits(spelled.text, repaired, (offset) => positionWithin(text, spelled.toOriginal(offset), start));
    if (!repairs) return failure;
    return { ok: true, value: JSON.parse(repaired), repairs };
  }
}

/**
 * Replaces each `…` outside strings with `...`, and maps offsets in the result back to the text
 * (each replacement adds two characters).
 */
function spellOutEllipses(text: string): { text: string; toOriginal: (offset: number) => number } {
  if (!text.includes('…')) return { text, toOriginal: (offset) => offset };
  const replacedAt: number[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (inString) {
      if (character === '\\') {
        out += character + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (character === '"' || character === '\n') inString = false;
    } else if (character === '"') {
      inString = true;
    } else if (character === '…') {
      replacedAt.push(out.length);
      out += '...';
      continue;
    }
    out += character;
  }
  const toOriginal = (offset: number) => offset - 2 * replacedAt.filter((at) => at < offset).length;
  return { text: out, toOriginal };
}

function classifyEdits(original: string, repaired: string, locate: (offset: number) => SourcePosition): Repair[] | null {
  const repairs: Repair[] = [];
  let offset = 0;
  for (const part of diffChars(original, repaired)) {
    const at = locate(offset);
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
