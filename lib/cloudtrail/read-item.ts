import type { CloudTrailEvent } from './normalize';
import { type SourcePosition, formatPosition } from './source-position';

/** What the reader yields for one input: events, and every record or file it could not use. */
export type ReadItem =
  | { type: 'event'; event: CloudTrailEvent }
  | { type: 'quarantined'; file: string; at: SourcePosition; reason: string; raw: string }
  | { type: 'skipped'; file: string; reason: string }
  | { type: 'file-error'; file: string; message: string };

const RAW_TEXT_CAP = 4096;

export function quarantined(file: string, at: SourcePosition, reason: string, text: string): ReadItem {
  return { type: 'quarantined', file, at, reason: `${reason} at ${formatPosition(at)}`, raw: text.slice(0, RAW_TEXT_CAP) };
}
