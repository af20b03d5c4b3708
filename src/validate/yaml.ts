/**
 * Parsing one source with `yaml`, keeping source positions, and finding the line and column of
 * any field path afterwards. Pure.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLError, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic, type DiagnosticCode } from '../diagnostics/catalogue.js';
import { quoted } from '../diagnostics/redact.js';
import { formatField, type FieldPath, type Segment } from './paths.js';

/** Real incident files use no aliases at all; a few are fine, thousands are an attack. */
export const MAX_ALIAS_COUNT = 100;

export interface Position {
  line: number;
  column: number;
}

/**
 * Where to point for a path:
 * - value: the value itself (for a missing or empty value: its key);
 * - key: the field name (unknown fields; and, given the parent's path, missing fields), or the
 *   list item / the start of the document when there is no key.
 * A path that goes beyond what the file holds points at the deepest part that exists.
 */
export type Anchor = 'value' | 'key';

export type Locate = (path: FieldPath, anchor?: Anchor) => Position;

export interface Parsed {
  doc: Document;
  value: unknown;
  locate: Locate;
}

export type ParseResult = { ok: true; parsed: Parsed; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT: 'Check the indentation: the fields of one group start in the same column, and an opened [ or { must be closed.',
  MISSING_CHAR: 'A closing quote or bracket is missing.',
  BAD_SCALAR_START: 'A value that starts with @, `, %, | or > must be put in quotes.',
  MULTILINE_IMPLICIT_KEY: "A field name must stay on one line and end with ': '. Perhaps a colon is missing, or a text value needs quotes.",
  BLOCK_AS_IMPLICIT_KEY: "A field name must stay on one line and end with ': '. Perhaps a colon is missing, or a text value needs quotes.",
  UNEXPECTED_TOKEN: 'Text that contains ": " or " #", or starts with a special character, must be put in quotes.',
  BAD_DQ_ESCAPE: 'Inside double quotes a backslash starts an escape; use single quotes instead, or write \\\\.',
  BAD_ALIAS: "An alias (*name) needs an anchor (&name) before it; if you meant a '*' in text, put the value in quotes.",
  KEY_OVER_1024_CHARS: 'A field name may be at most 1024 characters; perhaps a colon is missing after a long text.',
};
const DEFAULT_SYNTAX_HINT =
  'Check this line and the one before it. Text that contains ": " or " #", or starts with a special character, must be put in quotes.';

/** The first line of a yaml error message without its "at line X, column Y:" tail and code frame. */
function plainMessage(e: YAMLError): string {
  if (e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message)) {
    return 'the file nests lists or groups too deeply to be read';
  }
  const first = e.message.split('\n')[0] ?? e.message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Field names given twice in one group, each pointing at its second (third, ...) occurrence.
 * The yaml library can check this itself (`uniqueKeys`), but compares every key with every
 * other one: a file with 20,000 fields took seconds. This is one pass with a set per group, and
 * compares the names as they end up in the data (`1:` and `"1":` are the same field).
 */
function duplicateKeys(doc: Document, file: string, pos: (offset: number) => Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const k = pair.key as Node | null;
        const resolved = isAlias(k) ? (k.resolve(doc) as Node | undefined) : k; // `*k : 2` names the field its anchor holds
        const name = isScalar(resolved) ? String(resolved.value) : undefined;
        if (name === undefined) continue;
        if (seen.has(name)) {
          out.push(makeDiagnostic('DL-YAML-DUPLICATE-KEY', { file, ...(k?.range ? pos(k.range[0]) : {}) }, { key: name }));
        } else seen.add(name);
      }
    },
  });
  return out;
}

/** The field path of a node, from the ancestors `visit` passes (document, groups, pairs, lists). */
function fieldPath(ancestors: readonly unknown[], node: unknown): Segment[] {
  const out: Segment[] = [];
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const here = chain[i];
    const next = chain[i + 1];
    if (isPair(here)) out.push(isScalar(here.key) ? String(here.key.value) : '?');
    else if (isSeq(here)) out.push(here.items.indexOf(next as never));
  }
  return out;
}

/**
 * A plain number written with a dot before three digits ("1.000", "12.500"): YAML reads a decimal
 * point, so 1.000 is the number 1, while in Dutch and Belgian writing it means one thousand.
 */
const THOUSANDS = /^[-+]?\d{1,3}(\.\d{3})+$/;

function ambiguousNumbers(doc: Document, file: string, pos: (offset: number) => Position): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'number' || node.type !== 'PLAIN' || typeof node.source !== 'string' || !THOUSANDS.test(node.source)) return;
      out.push(
        makeDiagnostic('DL-YAML-AMBIGUOUS-NUMBER', { file, ...(node.range ? pos(node.range[0]) : {}), field: formatField(fieldPath(ancestors, node)) }, {
          written: node.source,
          value: String(node.value),
          meant: node.source.replace(/\./g, ''),
        }),
      );
    },
  });
  return out;
}

function describeFound(node: Node | null | undefined): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    const s = typeof v === 'string' ? v : String(v);
    return `a single value ('${quoted(s.length > 40 ? s.slice(0, 37) + '...' : s)}')`;
  }
  return 'something else';
}

export function parseSource(file: string, rawText: string): ParseResult {
  // YAML allows CR LF, LF and a lone CR (old Mac files) as line breaks; the yaml library only the
  // first two, and would read a CR-only file as one long comment line. Lines and columns stay the
  // same: only the character that ends each line changes.
  const text = (rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText).replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let doc: Document;
  try {
    // Always YAML 1.2's core schema: a `%YAML 1.1` directive or a `!!timestamp`, `!!binary`, `!!set`
    // tag would otherwise turn values into Dates, byte arrays or Maps that are no JSON data (the
    // tags are reported as unknown, the values read as text). Duplicate keys are found below.
    doc = parseDocument(text, {
      lineCounter,
      uniqueKeys: false,
      schema: 'core',
      resolveKnownTags: false,
      prettyErrors: true,
      logLevel: 'error',
    });
  } catch (err) {
    // The parser does not throw on bad input; this is a guard, not a path we expect.
    diagnostics.push(makeDiagnostic('DL-YAML-SYNTAX', { file }, { detail: (err as Error).message, hint: DEFAULT_SYNTAX_HINT }));
    return { ok: false, diagnostics };
  }

  const at = (e: YAMLError): Position => {
    const lp = e.linePos?.[0];
    return lp ? { line: lp.line, column: lp.col } : pos(e.pos[0]);
  };

  const linesSeen = new Set<number>();
  for (const e of doc.errors) {
    let where = { file, ...at(e) };
    // One error leads the parser into more on the same line; the first says what went wrong.
    if (linesSeen.has(where.line)) continue;
    linesSeen.add(where.line);
    const quote = e.code === 'MISSING_CHAR' ? /closing (["'])\s*quote/.exec(e.message)?.[1] : undefined;
    if (quote) {
      // Point at the opening quote, not at the end of the file where the parser gave up.
      const open = text.lastIndexOf(quote, e.pos[0] - 1);
      if (open >= 0) where = { file, ...pos(open) };
      diagnostics.push(
        makeDiagnostic('DL-YAML-SYNTAX', where, {
          detail: `the text that starts with this ${quote} is never closed with a matching ${quote}`,
          hint: `Add the closing ${quote} at the end of the value (and write a ${quote} inside the text as ${quote === "'" ? "''" : '\\"'}).`,
        }),
      );
      continue;
    }
    if (e.code === 'MULTIPLE_DOCS') {
      diagnostics.push(makeDiagnostic('DL-YAML-MULTIPLE-DOCUMENTS', where));
    } else {
      diagnostics.push(makeDiagnostic('DL-YAML-SYNTAX', where, { detail: plainMessage(e), hint: SYNTAX_HINTS[e.code] ?? DEFAULT_SYNTAX_HINT }));
    }
  }
  for (const w of doc.warnings) {
    const where = { file, ...at(w) };
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1] ?? 'used here';
      diagnostics.push(makeDiagnostic('DL-YAML-TAG', where, { tag }));
    } else {
      diagnostics.push(makeDiagnostic('DL-YAML-WARNING', where, { detail: plainMessage(w) }));
    }
  }
  const duplicates = duplicateKeys(doc, file, pos).filter((d) => !linesSeen.has(d.line));
  diagnostics.push(...duplicates);
  if (doc.errors.length > 0 || duplicates.length > 0) return { ok: false, diagnostics };
  diagnostics.push(...ambiguousNumbers(doc, file, pos));

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) {
    diagnostics.push(makeDiagnostic('DL-YAML-EMPTY', { file }));
    return { ok: false, diagnostics };
  }
  if (!isMap(root)) {
    const p = root.range ? pos(root.range[0]) : { line: 1, column: 1 };
    diagnostics.push(makeDiagnostic('DL-YAML-NOT-A-MAPPING', { file, ...p }, { found: describeFound(root) }));
    return { ok: false, diagnostics };
  }

  // Field names must be plain values: `? [a, b]: x` would be turned into the text "[ a, b ]".
  let complex = false;
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key as Node | null;
      if (k && (isMap(k) || isSeq(k))) {
        complex = true;
        diagnostics.push(makeDiagnostic('DL-YAML-COMPLEX-KEY', { file, ...(k.range ? pos(k.range[0]) : {}) }));
      }
    },
  });
  if (complex) return { ok: false, diagnostics };

  // An alias without its anchor (`facts: *nope`) is no syntax error to the parser; toJS throws on
  // it. Report it where it is, before toJS, so it is not taken for the alias limit below. One pass
  // in document order (an anchor must come before its aliases), not a lookup per alias.
  let unresolved: Node | undefined;
  const anchors = new Set<string>();
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        unresolved = node;
        return visit.BREAK;
      }
    } else if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string') {
      anchors.add(node.anchor);
    }
    return undefined;
  });
  if (unresolved) {
    diagnostics.push(
      makeDiagnostic('DL-YAML-SYNTAX', { file, ...(unresolved.range ? pos(unresolved.range[0]) : {}) }, {
        detail: 'this alias (*name) refers to no anchor (&name) before it',
        hint: SYNTAX_HINTS['BAD_ALIAS'],
      }),
    );
    return { ok: false, diagnostics };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    let first: Node | undefined;
    visit(doc, {
      Alias(_, node) {
        first = node;
        return visit.BREAK;
      },
    });
    const where = { file, ...(first?.range ? pos(first.range[0]) : {}) };
    const code: DiagnosticCode = /excessive alias count|resource exhaustion/i.test((err as Error).message) ? 'DL-YAML-ALIAS-LIMIT' : 'DL-YAML-SYNTAX';
    diagnostics.push(makeDiagnostic(code, where, { detail: (err as Error).message, hint: DEFAULT_SYNTAX_HINT }));
    return { ok: false, diagnostics };
  }

  // `a: &x [*x]` is a list that holds itself: the value would be endless (and every walk over it
  // too). Refuse it, pointing at the alias inside its own anchor.
  if (isCyclic(value)) {
    let inside: Node | undefined;
    visit(doc, (_, node, path) => {
      if (isAlias(node) && path.some((a) => a !== null && typeof a === 'object' && 'anchor' in a && (a as { anchor?: string }).anchor === node.source)) {
        inside = node;
        return visit.BREAK;
      }
      return undefined;
    });
    diagnostics.push(
      makeDiagnostic('DL-YAML-SYNTAX', { file, ...(inside?.range ? pos(inside.range[0]) : {}) }, {
        detail: 'this alias (*name) repeats a group or list it lies inside, which would never end',
        hint: 'Write the value out instead of referring to the group it is part of.',
      }),
    );
    return { ok: false, diagnostics };
  }

  return { ok: true, parsed: { doc, value, locate: makeLocator(doc, pos) }, diagnostics };
}

/** True when the value contains itself (only aliases can do that). Iterative: deep values do not overflow the stack. */
function isCyclic(root: unknown): boolean {
  const done = new Set<object>();
  const open = new Set<object>();
  const stack: Array<{ node: object; children: unknown[]; i: number }> = [];
  const enter = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || done.has(v)) return false;
    if (open.has(v)) return true;
    open.add(v);
    stack.push({ node: v, children: Array.isArray(v) ? v : Object.values(v), i: 0 });
    return false;
  };
  if (enter(root)) return true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i < top.children.length) {
      if (enter(top.children[top.i++])) return true;
    } else {
      stack.pop();
      open.delete(top.node);
      done.add(top.node);
    }
  }
  return false;
}

interface Step {
  node: Node | null;
  key: Node | null;
}

function makeLocator(doc: Document, pos: (offset: number) => Position): Locate {
  const deAlias = (n: Node | null): Node | null => {
    let cur = n;
    for (let i = 0; i < 8 && cur && isAlias(cur); i++) cur = (cur.resolve(doc) as Node | undefined) ?? null;
    return cur;
  };
  const start = (n: Node | null): Position | undefined => (n?.range ? pos(n.range[0]) : undefined);
  // Each group's fields by name (the first of equal names), built on first use: one lookup per
  // path segment instead of a scan of the group (which made 20,000 unknown fields quadratic).
  const index = new WeakMap<object, Map<string, Step>>();
  const keysOf = (map: YAMLMap): Map<string, Step> => {
    let m = index.get(map);
    if (!m) {
      m = new Map();
      for (const pair of map.items) {
        const k = pair.key as Node | null;
        if (isScalar(k) && !m.has(String(k.value))) m.set(String(k.value), { node: (pair.value as Node | null) ?? null, key: k });
      }
      index.set(map, m);
    }
    return m;
  };
  const isEmpty = (n: Node | null) => !n || (isScalar(n) && (n.value === null || n.value === undefined) && (!n.range || n.range[0] === n.range[1]));

  return (path, anchor = 'value') => {
    const trail: Step[] = [{ node: doc.contents as Node | null, key: null }];
    for (const seg of path) {
      const here = deAlias(trail[trail.length - 1]!.node);
      let next: Step | undefined;
      if (isMap(here)) {
        const found = keysOf(here).get(String(seg));
        if (found) next = found;
      } else if (isSeq(here)) {
        const i = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : NaN;
        const item = Number.isInteger(i) ? here.items[i] : undefined;
        if (item !== undefined) next = { node: (item as Node | null) ?? null, key: null };
      }
      if (!next) break; // point at the deepest part that exists
      trail.push(next);
    }
    const last = trail[trail.length - 1]!;
    const keyPos = start(last.key);
    const valuePos = isEmpty(last.node) ? undefined : start(last.node);
    const found = anchor === 'key' ? (keyPos ?? valuePos) : (valuePos ?? keyPos);
    return found ?? { line: 1, column: 1 };
  };
}

/** `# yaml-language-server: $schema=...` on one of the first lines, if any. */
export function schemaComment(text: string): string | undefined {
  const head = text.slice(0, 2000).split('\n', 5);
  for (const line of head) {
    const m = /^\s*#\s*yaml-language-server\s*:\s*\$schema=(\S+)/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
