import { withConnection } from './database';
import { readRows } from './rows';

export const PROBLEM_KINDS = ['quarantined', 'file-error', 'skipped'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface Problem {
  kind: ProblemKind;
  file: string;
  line: number | null;
  column: number | null;
  reason: string;
  raw: string | null;
}

export async function addProblems(datasetId: string, problems: Problem[]): Promise<void> {
  if (problems.length === 0) return;
  await withConnection(async (connection) => {
    const appender = await connection.createAppender('problems');
    for (const problem of problems) {
      appender.appendVarchar(datasetId);
      appender.appendVarchar(problem.kind);
      appender.appendVarchar(problem.file);
      if (problem.line === null) appender.appendNull();
      else appender.appendInteger(problem.line);
      if (problem.column === null) appender.appendNull();
      else appender.appendInteger(problem.column);
      appender.appendVarchar(problem.reason);
      if (problem.raw === null) appender.appendNull();
      else appender.appendVarchar(problem.raw);
      appender.endRow();
    }
    appender.closeSync();
  });
}

/** The dataset's problems, all or only those of the given kinds. */
export async function getProblems(datasetId: string, kinds: readonly ProblemKind[] = PROBLEM_KINDS): Promise<Problem[]> {
  if (kinds.length === 0) return [];
  const rows = await withConnection((connection) =>
    readRows(
      connection,
      `SELECT * FROM problems WHERE dataset_id = ? AND kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY file, line NULLS FIRST`,
      [datasetId, ...kinds],
    ),
  );
  return rows.map((row) => ({
    kind: row.kind as ProblemKind,
    file: String(row.file),
    line: row.line === null ? null : Number(row.line),
    column: row.col === null ? null : Number(row.col),
    reason: String(row.reason),
    raw: row.raw === null ? null : String(row.raw),
  }));
}
