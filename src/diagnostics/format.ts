/**
 * Printing diagnostics for people, and ordering them. Pure: strings in, strings out.
 *
 *   incidents/acme/2026-004.yaml:12:5: data_subjects.count: must be a whole number, 0 or more; found -1 (error DL-SCHEMA-RANGE)
 *     hint: ...
 *
 * The line starts with `file:line:column:` so editors and CI problem matchers can jump to it; the
 * severity and the stable code close the line. A diagnostic about the whole file (line 0) prints
 * as `file: message`.
 */
import type { Diagnostic } from '../model/diagnostic.js';

export interface FormatOptions {
  /** Leave out the hint line. */
  noHint?: boolean;
}

export function formatDiagnostic(d: Diagnostic, opts: FormatOptions = {}): string {
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column > 0 ? d.column : 1}` : d.file;
  const field = d.field ? `${d.field}: ` : '';
  let out = `${place}: ${field}${d.message} (${d.severity} ${d.code})`;
  if (d.hint && !opts.noHint) out += `\n    hint: ${d.hint}`;
  return out;
}

/** Plain code-unit comparison: the same order on every machine, whatever its locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order by file, then line, then column; ties keep their original order (Array#sort is stable). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** A sorted copy. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** "3 errors and 1 warning in 2 files" (or "no problems"). */
export function summarise(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length === 0) return 'no problems';
  const files = new Set(list.map((d) => d.file)).size;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const parts = [errors ? n(errors, 'error') : '', warnings ? n(warnings, 'warning') : ''].filter(Boolean);
  return `${parts.join(' and ')} in ${n(files, 'file')}`;
}
