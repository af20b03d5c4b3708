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
import { compareText } from '../compare-text.js';

export interface FormatOptions {
  /** Leave out the hint line. */
  noHint?: boolean;
  /**
   * Leave out what the diagnostic quotes from the file (values that may hold personal data),
   * printing `…` instead: the CLI sets this unless --verbose is given. See redactDiagnostic.
   */
  redact?: boolean;
}

/**
 * Whether diagnostics quote incident content: the CLI turns this on unless --verbose is given
 * (set once per run by the CLI entry; nothing else changes it).
 */
let redactByDefault = false;

export function setRedaction(on: boolean): void {
  redactByDefault = on;
}

/** A diagnostic as it may be shown or written out (--json): redacted unless the run is verbose. */
export function disclose(d: Diagnostic): Diagnostic {
  return redactByDefault ? redactDiagnostic(d) : revealDiagnostic(d);
}

export function formatDiagnostic(d: Diagnostic, opts: FormatOptions = {}): string {
  const shown = opts.redact ?? redactByDefault ? redactDiagnostic(d) : d;
  const place = d.line > 0 ? `${d.file}:${d.line}:${d.column > 0 ? d.column : 1}` : d.file;
  const field = d.field ? `${d.field}: ` : '';
  let out = `${place}: ${field}${shown.message} (${d.severity} ${d.code})`;
  if (shown.hint && !opts.noHint) out += `\n    hint: ${shown.hint}`;
  return out;
}

/**
 * The diagnostic as it may be shown without --verbose: message and hint without the file's
 * content (file, line, column and field stay: they say where to look). A plain copy without
 * the `redacted` key, ready for --json.
 */
export function redactDiagnostic(d: Diagnostic): Diagnostic {
  const { redacted, ...rest } = d;
  if (!redacted) return rest;
  const out: Diagnostic = { ...rest, message: redacted.message };
  if (redacted.hint !== undefined) out.hint = redacted.hint;
  return out;
}

/** The diagnostic with everything it quotes, without the `redacted` key (for --json --verbose). */
export function revealDiagnostic(d: Diagnostic): Diagnostic {
  const { redacted: _drop, ...rest } = d;
  return rest;
}

/** Order by file, then line, then column; ties keep their original order (Array#sort is stable). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
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
