// The CSV files people fill in and upload whole (assessments, the bank's return file, a
// cash journal): the template offered for download, and the problems of a refused file.
import { ApiError } from '../api/problem';

/** A template to fill in, from its rows (with a BOM so Excel reads UTF-8). */
export function csvTemplate(rows: readonly string[]): string {
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** The per-row problems of a refused file (`import_invalid`), else null. */
export function rowErrorsOf(error: unknown): RowError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import_invalid') return null;
  const rows = error.problem?.row_errors;
  return Array.isArray(rows) ? rows.map((r) => ({ row: r.row, column: r.column, message: r.message })) : [];
}
