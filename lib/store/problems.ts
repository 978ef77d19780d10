import { withConnection } from './database';
import { readRows } from './rows';

export type ProblemKind = 'quarantined' | 'file-error' | 'skipped';

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

export async function getProblems(datasetId: string): Promise<Problem[]> {
  const rows = await withConnection((connection) =>
    readRows(connection, 'SELECT * FROM problems WHERE dataset_id = ? ORDER BY file, line NULLS FIRST', [datasetId]),
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
