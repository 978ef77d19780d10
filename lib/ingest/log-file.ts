/** One file to ingest: where it is on disk and the name the analyst sees for it. */
export interface LogFile {
  path: string;
  name: string;
  size: number;
}
