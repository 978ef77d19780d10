/** A place in a decoded input: 1-based line and column, and the 0-based character offset where known. */
export interface SourcePosition {
  line: number;
  column: number;
  offset?: number;
}

/** The position of `offset` characters into `text`, where `text` itself begins at `start`. */
export function positionWithin(text: string, offset: number, start: SourcePosition): SourcePosition {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  if (lastNewline === -1) {
    return { line: start.line, column: start.column + offset, offset: (start.offset ?? 0) + offset };
  }
  let newlines = 0;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) newlines++;
  return { line: start.line + newlines, column: offset - lastNewline, offset: (start.offset ?? 0) + offset };
}

export function formatPosition(position: SourcePosition): string {
  return `line ${position.line}, column ${position.column}`;
}
