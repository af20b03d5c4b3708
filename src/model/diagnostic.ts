/**
 * Errors as data. Every user-facing problem is a Diagnostic with a stable code from
 * src/diagnostics/catalogue.ts; only the CLI prints them.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable code, e.g. "DL-SCHEMA-TYPE". */
  code: string;
  severity: Severity;
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based line and column; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** Dotted field path, e.g. "data_subjects.count" or "checklist.assess_risk.done_at"; "" for the file. */
  field: string;
  /** What is wrong, in plain words. */
  message: string;
  /** What to do about it, where a hint helps. */
  hint?: string;
  /**
   * Present when `message` or `hint` quote the file's content (values that may hold personal
   * data): the same texts with each quotation replaced by `…`. Shown unless the user asks for
   * content (`--verbose`); see src/diagnostics/redact.ts.
   */
  redacted?: { message: string; hint?: string };
}
