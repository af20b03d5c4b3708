/**
 * The per-file half of validation: everything that depends on one file's path, kind and text and
 * on the schema of its kind, and on nothing else (not on `now`, not on other files): the schema
 * comment, YAML parsing, the JSON Schema and the checks on every text value. The cross-file half
 * (the rules, which also read `now`) is in ./index.ts. Because this half is a function of
 * (tool, schema, path, kind, text) only, its result can be cached per file (./file-cache.ts).
 *
 * Pure.
 */
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { compareDiagnostics } from '../diagnostics/format.js';
import type { SourceFile } from '../load/sources.js';
import { checkSchema } from './schema.js';
import { schemaFile } from './schemas.js';
import { parseSource, schemaComment, type Locate } from './yaml.js';
import { checkTexts } from './text.js';

/** More problems than anyone reads in one file (a file of 20,000 unknown fields gives 20,000). */
export const MAX_PROBLEMS_PER_FILE = 100;

/** What the per-file checks found in one source. */
export interface FileCheck {
  /** This file's own problems (at most MAX_PROBLEMS_PER_FILE, plus one line saying how many more). */
  diagnostics: Diagnostic[];
  /**
   * The file's value and a way back to its source positions, when the file has no error of its
   * own: only such files are handed to the rules. Absent when the file has an error.
   */
  checked?: { value: unknown; locate: Locate };
}

/** Warn when the editor modeline points at another schema than the file's own. */
function checkSchemaComment(source: SourceFile): Diagnostic[] {
  const found = schemaComment(source.text);
  if (!found || /^[a-z][a-z0-9+.-]*:/i.test(found)) return []; // absent, or a URL
  const expectedTarget = schemaFile(source.kind);
  const dir = path.posix.dirname(source.file);
  const target = path.posix.normalize(path.posix.join(dir, found));
  if (target === expectedTarget) return [];
  const expected = path.posix.relative(dir, expectedTarget);
  const line = source.text.split(/\r\n?|\n/).findIndex((l) => l.includes('yaml-language-server')) + 1;
  return [makeDiagnostic('DL-YAML-SCHEMA-COMMENT', { file: source.file, line, column: 1 }, { found, expected })];
}

/** The first MAX_PROBLEMS_PER_FILE problems of one file, in file order, and one line saying how many more there are. */
function capped(list: Diagnostic[]): Diagnostic[] {
  if (list.length <= MAX_PROBLEMS_PER_FILE) return list;
  const sorted = [...list].sort(compareDiagnostics);
  const shown = sorted.slice(0, MAX_PROBLEMS_PER_FILE);
  const hidden = sorted.slice(MAX_PROBLEMS_PER_FILE);
  const last = shown[shown.length - 1]!;
  const more = makeDiagnostic('DL-SCHEMA-TOO-MANY-PROBLEMS', { file: last.file, line: last.line, column: last.column }, { count: hidden.length });
  // An error when errors are among those left out (almost always); a warning otherwise.
  if (!hidden.some((d) => d.severity === 'error')) more.severity = 'warning';
  return [...shown, more];
}

/**
 * The per-file checks of one source against `schema`, the schema of its kind (or a function that
 * gives it: it is only needed once the file has been read as YAML).
 */
export function checkFile(source: SourceFile, schema: object | (() => object)): FileCheck {
  const found: Diagnostic[] = [...checkSchemaComment(source)];
  const parsed = parseSource(source.file, source.text);
  found.push(...parsed.diagnostics);
  if (!parsed.ok) return { diagnostics: capped(found) };
  const { value, locate } = parsed.parsed;
  const problems = checkSchema(typeof schema === 'function' ? schema() : schema, value, source.file, locate);
  problems.push(...checkTexts(value, source.file, locate, new Set(problems.map((d) => d.field))));
  found.push(...problems);
  const diagnostics = capped(found);
  if (found.some((d) => d.severity === 'error')) return { diagnostics };
  return { diagnostics, checked: { value, locate: locateLater(source) } };
}

/**
 * Source positions for the rules, found by parsing the text again when first asked. The parsed
 * document (its syntax tree is many times the size of the text) is not kept for every file until
 * the rules have run: memory stays flat as the number of files grows. Rules ask only for what
 * they report, so few files are parsed twice.
 */
function locateLater(source: SourceFile): Locate {
  let locate: Locate | undefined;
  return (path, anchor) => {
    if (!locate) {
      const again = parseSource(source.file, source.text);
      if (!again.ok) throw new Error(`${source.file} no longer parses as it did a moment ago`);
      locate = again.parsed.locate;
    }
    return locate(path, anchor);
  };
}
