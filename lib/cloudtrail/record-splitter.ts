import type { SourcePosition } from './source-position';

/** The text of one top-level record, cut out of a larger stream. */
export interface RecordCandidate {
  text: string;
  start: SourcePosition;
  /** True when the record sat inside a `{"Records": [...]}` (or lookup-events) envelope. */
  inEnvelope: boolean;
}

export type SplitterNote =
  | { kind: 'placeholder'; text: string; at: SourcePosition }
  | { kind: 'stray-text'; text: string; at: SourcePosition }
  | { kind: 'oversized'; size: number; at: SourcePosition }
  | { kind: 'unterminated'; text: string; at: SourcePosition }
  | { kind: 'interrupted'; text: string; at: SourcePosition };

export type SplitterOutput = { type: 'record'; record: RecordCandidate } | { type: 'note'; note: SplitterNote };

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

const STRING_STOPS = /["\\\n]/g;
const RECORD_STOPS = /[{}[\]"\n]/g;
const ENVELOPE_OPENING = /^\{\s*"(Records|Events)"\s*:\s*$/;
const PLACEHOLDER = /^(\.\.\.|…)+$/;
const STRAY_TEXT_CAP = 200;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;
}

/**
 * Cuts a character stream into record texts without parsing them, so memory stays bounded by the
 * largest record. It understands JSON Lines, concatenated objects, a top-level array and the
 * `{"Records": [...]}` envelope, and it survives the damage found in pasted logs: an unescaped
 * newline inside a string ends that string (JSON forbids raw newlines there, so the quote was
 * missing), and non-object items between records (`...` placeholders) are reported, not fatal.
 */
export class RecordSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth at which records open: 0 in a stream, 1 in a top-level array, 2 in an envelope. */
  private recordDepth = 0;
  /** After an envelope's array closes, the rest of the envelope object is ignored. */
  private inEnvelopeTail = false;
  private line = 1;
  private column = 1;
  private offset = 0;

  private capturePieces: string[] | null = null;
  private captureSize = 0;
  private captureStart: SourcePosition | null = null;
  private captureOversized = false;
  private stray: { text: string; at: SourcePosition } | null = null;

  constructor(private readonly maxRecordChars: number) {}

  push(chunk: string): SplitterOutput[] {
    const out: SplitterOutput[] = [];
    let captureFrom = this.capturePieces && !this.captureOversized ? 0 : -1;

    for (let i = 0; i < chunk.length; i++) {
      // Inside a string, and inside a record, only a few characters matter: jump to the next one.
      if (this.inString ? !this.escaped : this.capturePieces !== null) {
        const stops = this.inString ? STRING_STOPS : RECORD_STOPS;
        stops.lastIndex = i;
        const next = stops.exec(chunk)?.index ?? chunk.length;
        this.column += next - i;
        this.offset += next - i;
        i = next;
        if (i === chunk.length) break;
      }
      const code = chunk.charCodeAt(i);
      const capturing = this.capturePieces !== null;

      if (this.inString) {
        if (code === NEWLINE) this.inString = this.escaped = false;
        else if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.inString = false;
      } else if (!capturing && this.depth === this.recordDepth && !this.inEnvelopeTail) {
        this.betweenRecords(chunk, i, code, out);
        if (this.capturePieces) captureFrom = i;
      } else if (code === QUOTE) {
        this.inString = true;
      } else if (capturing && code === OPEN_OBJECT && this.column === 1 && this.recordDepth < 2) {
        // A record never has a nested object at column 1, but JSON Lines and pretty-printed
        // concatenated records begin there: the record being read was cut short, so set it
        // aside and start again here, rather than let it swallow the records that follow.
        out.push(this.abandonCapture(chunk, captureFrom, i));
        this.depth = this.recordDepth;
        this.betweenRecords(chunk, i, code, out);
        captureFrom = i;
      } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
        if (capturing && this.depth === 1 && this.recordDepth === 0 && code === OPEN_ARRAY) {
          if (this.enterEnvelope(chunk, captureFrom, i)) captureFrom = -1;
        }
        this.depth++;
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        this.depth = Math.max(0, this.depth - 1);
        if (this.capturePieces && this.depth === this.recordDepth) {
          out.push(this.finishCapture(chunk, captureFrom, i + 1));
          captureFrom = -1;
        } else if (this.recordDepth === 2 && this.depth === 1) {
          this.inEnvelopeTail = true;
        } else if (this.inEnvelopeTail && this.depth === 0) {
          this.inEnvelopeTail = false;
          this.recordDepth = 0;
        }
      }

      this.advance(code);
      if (this.capturePieces && !this.captureOversized && this.captureSize + (i - captureFrom) > this.maxRecordChars) {
        this.captureOversized = true;
        this.capturePieces = [];
        captureFrom = -1;
      }
    }

    if (this.capturePieces && captureFrom >= 0) {
      const piece = chunk.slice(captureFrom);
      this.capturePieces.push(piece);
      this.captureSize += piece.length;
    }
    return out;
  }

  end(): SplitterOutput[] {
    const out: SplitterOutput[] = [];
    this.flushStray(out);
    if (this.capturePieces && this.captureStart) {
      const text = this.capturePieces.join('');
      out.push(
        this.captureOversized
          ? { type: 'note', note: { kind: 'oversized', size: this.captureSize, at: this.captureStart } }
          : { type: 'note', note: { kind: 'unterminated', text, at: this.captureStart } },
      );
      this.capturePieces = null;
    }
    return out;
  }

  private betweenRecords(chunk: string, i: number, code: number, out: SplitterOutput[]): void {
    if (code === OPEN_OBJECT) {
      this.flushStray(out);
      this.capturePieces = [];
      this.captureSize = 0;
      this.captureOversized = false;
      this.captureStart = this.position();
      this.depth++;
    } else if (code === OPEN_ARRAY && this.recordDepth === 0) {
      this.flushStray(out);
      this.depth = 1;
      this.recordDepth = 1;
    } else if (code === CLOSE_ARRAY && this.recordDepth > 0) {
      this.flushStray(out);
      this.depth--;
      if (this.recordDepth === 1) this.recordDepth = 0;
      else this.inEnvelopeTail = true;
    } else if (code === NEWLINE || code === COMMA || (isWhitespace(code) && !this.stray)) {
      this.flushStray(out);
    } else {
      if (code === QUOTE) this.inString = true;
      this.stray ??= { text: '', at: this.position() };
      if (this.stray.text.length < STRAY_TEXT_CAP) this.stray.text += chunk[i];
    }
  }

  /** Called on `[` at depth 1 of a top-level object: is this the opening of an envelope? */
  private enterEnvelope(chunk: string, captureFrom: number, i: number): boolean {
    const opening = (this.capturePieces ?? []).join('') + (captureFrom >= 0 ? chunk.slice(captureFrom, i) : '');
    if (!ENVELOPE_OPENING.test(opening)) return false;
    this.capturePieces = null;
    this.captureStart = null;
    this.recordDepth = 2;
    return true;
  }

  private finishCapture(chunk: string, from: number, to: number): SplitterOutput {
    const start = this.captureStart!;
    const pieces = this.capturePieces!;
    const oversized = this.captureOversized;
    if (from >= 0) pieces.push(chunk.slice(from, to));
    const text = pieces.join('');
    this.capturePieces = null;
    this.captureStart = null;
    if (oversized) {
      return { type: 'note', note: { kind: 'oversized', size: this.captureSize + to - Math.max(from, 0), at: start } };
    }
    return { type: 'record', record: { text, start, inEnvelope: this.recordDepth === 2 } };
  }

  private abandonCapture(chunk: string, from: number, to: number): SplitterOutput {
    const start = this.captureStart!;
    const text = this.captureOversized ? '' : this.capturePieces!.join('') + (from >= 0 ? chunk.slice(from, to) : '');
    this.capturePieces = null;
    this.captureStart = null;
    return { type: 'note', note: { kind: 'interrupted', text: text.trimEnd(), at: start } };
  }

  private flushStray(out: SplitterOutput[]): void {
    if (!this.stray) return;
    const text = this.stray.text.trim();
    const { at } = this.stray;
    this.stray = null;
    const kind = PLACEHOLDER.test(text) ? 'placeholder' : 'stray-text';
    out.push({ type: 'note', note: { kind, text, at } });
  }

  private position(): SourcePosition {
    return { line: this.line, column: this.column, offset: this.offset };
  }

  private advance(code: number): void {
    this.offset++;
    if (code === NEWLINE) {
      this.line++;
      this.column = 1;
    } else {
      this.column++;
    }
  }
}
