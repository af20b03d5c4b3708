/**
 * Checks on every text value of a file, whatever its field: characters that cannot appear in a
 * document, and texts too long to be an incident's. JSON Schema cannot say either for all fields
 * at once, and both would otherwise surface only at `datalek build`, as a template error far
 * from the incident file (or as a PDF of a thousand pages).
 *
 * - Control characters U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, the non-characters U+FFFE
 *   and U+FFFF, and unpaired surrogates (possible through "\uD800" escapes): XML 1.0, and so
 *   Word, cannot hold them; in a PDF they show as boxes or not at all. Tabs and line breaks are
 *   fine.
 * - Texts longer than MAX_TEXT_LENGTH characters.
 *
 * Pure. The walk is iterative (a deeply nested file cannot overflow the stack) and visits each
 * value once.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { formatField, type Segment } from './paths.js';
import type { Locate } from './yaml.js';

/**
 * The longest text a field may hold: about 40 printed pages. The longest text in the example
 * incidents is under 2,000 characters; a longer account belongs in an attachment.
 */
export const MAX_TEXT_LENGTH = 100_000;

// eslint-disable-next-line no-control-regex
const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function describeCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0) return `a NUL character (${hex})`;
  if (code >= 0xd800 && code <= 0xdfff) return `an unpaired surrogate (${hex}), half of a character`;
  if (code >= 0xfffe) return `the non-character ${hex}`;
  return `the control character ${hex}`;
}

/** Problems of the text values in `value`; `skip` holds fields already reported (by formatField). */
export function checkTexts(value: unknown, file: string, locate: Locate, skip: ReadonlySet<string> = new Set()): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: Array<{ v: unknown; path: Segment[] }> = [{ v: value, path: [] }];
  // A value reached twice (through a YAML alias) is checked once.
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v !== null && typeof v === 'object') {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    if (typeof v === 'string') {
      const m = BAD.exec(v);
      const tooLong = v.length > MAX_TEXT_LENGTH;
      if (!m && !tooLong) continue;
      const field = formatField(path);
      if (skip.has(field)) continue;
      const at = locate(path);
      const where = { file, line: at.line, column: at.column, field };
      if (m) {
        const index = [...v.slice(0, m.index)].length + 1;
        out.push(makeDiagnostic('DL-YAML-CONTROL-CHARACTER', where, { what: describeCharacter(m[0]), index }));
      } else {
        out.push(
          makeDiagnostic('DL-SCHEMA-LENGTH', where, {
            detail: `must be at most ${MAX_TEXT_LENGTH} characters long (found ${v.length})`,
            hint: 'Shorten the text: describe what happened and refer to attachments (kept elsewhere) for the details.',
          }),
        );
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
  return out;
}
