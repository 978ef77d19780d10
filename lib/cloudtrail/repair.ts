import type { SourcePosition } from './source-position';

/** What the reader changed to load a record, always shown to the analyst beside it. */
export type RepairKind =
  | 'trailing-comma'
  | 'missing-comma'
  | 'missing-quote'
  | 'placeholder'
  | 'whitespace-padding'
  | 'time-format'
  | 'time-substituted'
  | 'rebuilt-from-csv';

export interface Repair {
  kind: RepairKind;
  message: string;
  at: SourcePosition;
}
