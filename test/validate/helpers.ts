import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { SourceFile, SourceKind } from '../../src/load/sources.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/validate');

export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function miniSchema(): object {
  return JSON.parse(fixture('mini/mini.schema.json')) as object;
}

export function source(file: string, text: string, kind: SourceKind = 'incident'): SourceFile {
  return { file, text, kind };
}

/** The parts of a diagnostic tests compare exactly. */
export type Brief = Pick<Diagnostic, 'code' | 'file' | 'line' | 'column' | 'field'> & { severity?: Diagnostic['severity'] };

export function brief(d: Diagnostic): Brief {
  return { code: d.code, file: d.file, line: d.line, column: d.column, field: d.field };
}

export const NOW = new Date('2026-11-22T12:00:00Z');
