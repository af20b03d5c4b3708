/**
 * Linting a chain of template packs: reads the templates each document would use (the IO) and
 * reports, as diagnostics:
 *   - a template file that is missing (DL-TEMPLATE-NOT-FOUND, with every path tried);
 *   - a format without the template it needs (docx needs a .docx, pdf a .md; csv none);
 *   - a document that falls back to the Dutch template for the office's language (warning);
 *   - a `when` that does not parse, or reads a name outside triage / incident / organisation;
 *   - the template's own problems from `listTags`: syntax errors and unbalanced sections, unknown
 *     filters, forbidden expressions, with line and column for Markdown (DL-TEMPLATE-SYNTAX, ...);
 *   - tags reading a field the document data does not have, with the nearest known field;
 *   - a Word and a Markdown version of one document (same language) that use different fields.
 *
 * Known fields are dotted paths ("organisatie.naam"); a list's items are written under the list's
 * name ("maatregelen.omschrijving"). A path is known when it is in the set or is a prefix of one
 * (a group or list that holds known fields). Inside `{#list}...{/list}` a field is relative to
 * the item: it is known if `list.field` is known for an enclosing section, or `field` at the top
 * (docxtemplater looks a name up in the item first, then outwards). Only sections whose tag is a
 * plain path open such a scope; a condition such as `{#a == 1}` does not.
 *
 * Tags split by Word over several runs (`<w:t>{na</w:t>...<w:t>me}</w:t>`) are not reported:
 * docxtemplater joins the text of a paragraph before it looks for tags, so such a tag is found
 * and renders correctly (listTags cannot tell, and need not).
 */
import { readFile } from 'node:fs/promises';
import { decodeUtf8 } from '../load/utf8.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import { listTags, type TemplateTag, type TemplateTags } from '../render/template/tags.js';
import { closest } from '../validate/suggest.js';
import { mergeDocuments } from './merge.js';
import { resolveTemplate, type TemplateResolution } from './resolve.js';
import { CONDITION_ROOTS, checkWhen } from './when.js';
import {
  FALLBACK_LANGUAGE,
  TEMPLATE_FOR_OUTPUT,
  TEMPLATE_FORMATS,
  type DocumentScope,
  type DocumentSpec,
  type PackChain,
  type TemplateFormat,
} from './types.js';
import { displayPath, layerPosition } from './where.js';

export interface LintOptions {
  /**
   * Every field a template can use, as dotted paths; list items under the list's name
   * ("maatregelen.omschrijving"; FIELD_DOCS' "maatregelen[].omschrijving" is read the same way).
   */
  knownFields: ReadonlySet<string>;
  /** Other fields for documents of one scope (e.g. the register's data for `organisation`). */
  knownFieldsByScope?: Partial<Record<DocumentScope, ReadonlySet<string>>>;
  /** Names a `when` may start with; default triage, incident, organisation. */
  conditionRoots?: readonly string[];
}

/** The set of known paths and all their prefixes. */
export function withPrefixes(known: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const k of known) {
    const parts = k.replace(/\[\]/g, '').split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

const normalise = (p: string): string => p.replace(/\[\d+\]/g, '');
const join = (prefix: string, p: string): string => (prefix ? `${prefix}.${p}` : p);

/** A section whose tag is nothing but a data path opens a scope under that path. */
function sectionPath(t: TemplateTag): string | undefined {
  if (t.paths.length !== 1) return undefined;
  const p = t.paths[0]!;
  return t.tag.replace(/\s+/g, '') === p ? normalise(p) : undefined;
}

interface Checked {
  tags: TemplateTags;
  file: string;
  /** Known fields of the document's scope, with prefixes. */
  known: Set<string>;
}

function templateProblems(tags: TemplateTags, file: string): Diagnostic[] {
  return tags.problems.map((p) => ({
    code: p.code,
    severity: 'error' as const,
    file,
    line: p.line ?? 0,
    column: p.column ?? 0,
    field: p.xtag,
    message: p.part && p.part !== 'word/document.xml' ? `${p.explanation} (in ${p.part})` : p.explanation,
  }));
}

interface FieldUse {
  tag: TemplateTag;
  /** As written, without list indices. */
  path: string;
  /** Where the path may live, innermost section first, '' (top level) last. */
  prefixes: readonly string[];
}

/** Every data path a template reads, with the scopes it may be read from. */
function fieldUses(tags: TemplateTags): FieldUse[] {
  const out: FieldUse[] = [];
  const walk = (list: readonly TemplateTag[], prefixes: readonly string[]): void => {
    for (const t of list) {
      for (const raw of t.paths) {
        const path = normalise(raw);
        if (!path.startsWith('$') && path !== '.' && path !== 'this') out.push({ tag: t, path, prefixes });
      }
      if (t.children) {
        const s = t.kind === 'section' ? sectionPath(t) : undefined;
        walk(t.children, s === undefined ? prefixes : [...new Set([...prefixes.map((q) => join(q, s)), ...prefixes])]);
      }
    }
  };
  walk(tags.tags, ['']);
  return out;
}

/** The known full path a use reads (innermost scope first), or the path as written when unknown. */
function resolveUse(use: FieldUse, known: Set<string>): string | undefined {
  for (const q of use.prefixes) if (known.has(join(q, use.path))) return join(q, use.path);
  return undefined;
}

/**
 * The fields a template reads, as full paths where the known fields tell which one is meant
 * ("{#autoriteit_gemeld}{autoriteit.naam}{/…}" reads autoriteit.naam; "{#maatregelen}{datum}{/…}"
 * reads maatregelen.datum); unknown ones as written.
 */
export function qualifiedFields(tags: TemplateTags, known: Set<string>): Set<string> {
  return new Set(fieldUses(tags).map((u) => resolveUse(u, known) ?? u.path));
}

function unknownFields(tags: TemplateTags, file: string, known: Set<string>, knownList: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const use of fieldUses(tags)) {
    if (resolveUse(use, known) !== undefined) continue;
    const { tag: t, path: p, prefixes } = use;
    const candidates = new Set<string>(knownList);
    for (const q of prefixes) {
      if (!q) continue;
      for (const k of knownList) if (k.startsWith(`${q}.`)) candidates.add(k.slice(q.length + 1));
    }
    const guess = closest(p, [...candidates]);
    const where = t.part && t.part !== 'word/document.xml' ? ` in ${t.part}` : '';
    out.push(
      makeDiagnostic('DL-TEMPLATE-UNKNOWN-FIELD', { file, line: t.line ?? 0, column: t.column ?? 0, field: p }, {
        tag: `{${t.kind === 'section' ? '#' : t.kind === 'inverted' ? '^' : ''}${t.tag}}${where}`,
        path: p,
        suggestion: guess ? `; did you mean '${guess}'?` : '',
      }),
    );
  }
  return out;
}

export async function lintPack(chain: PackChain, opts: LintOptions): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const fieldSets = new Map<ReadonlySet<string>, { known: Set<string>; list: string[] }>();
  const fieldsFor = (scope: DocumentScope) => {
    const set = opts.knownFieldsByScope?.[scope] ?? opts.knownFields;
    let f = fieldSets.get(set);
    if (!f) {
      f = { known: withPrefixes(set), list: [...new Set([...set].map((k) => k.replace(/\[\]/g, '')))].sort() };
      fieldSets.set(set, f);
    }
    return f;
  };
  const roots = opts.conditionRoots ?? CONDITION_ROOTS;
  const show = (abs: string) => displayPath(chain.projectRoot, abs);
  const cache = new Map<string, Checked | null>();

  const check = async (r: TemplateResolution, scope: DocumentScope): Promise<Checked | null> => {
    const key = `${scope}\0${r.path}`;
    if (cache.has(key)) return cache.get(key)!;
    const { known, list: knownList } = fieldsFor(scope);
    const file = show(r.path);
    let result: Checked | null = null;
    let bytes: Buffer | undefined;
    try {
      bytes = await readFile(r.path);
    } catch (e) {
      out.push(makeDiagnostic('DL-LOAD-UNREADABLE', { file }, { reason: (e as Error).message }));
    }
    if (bytes) {
      try {
        const text = r.format === 'docx' ? undefined : decodeUtf8(bytes);
        if (text && !text.ok) {
          out.push(makeDiagnostic('DL-TEMPLATE-ENCODING', { file, line: text.line, column: text.column }, { detail: text.detail }));
          cache.set(key, null);
          return null;
        }
        const tags = text ? listTags(text.text, 'text', { templatePath: file }) : listTags(new Uint8Array(bytes), 'docx', { templatePath: file });
        out.push(...templateProblems(tags, file));
        // After a syntax error the sections are not known for sure: checking fields would only add noise.
        if (!tags.problems.some((p) => p.code === 'DL-TEMPLATE-SYNTAX')) out.push(...unknownFields(tags, file, known, knownList));
        result = { tags, file, known };
      } catch (e) {
        // listTags reports template problems as data; anything thrown is a fault of ours.
        out.push(makeDiagnostic('DL-INTERNAL-RULE', { file }, { rule: 'lint-template', reason: (e as Error)?.message ?? String(e) }));
      }
    }
    cache.set(key, result);
    return result;
  };

  const at = (doc: DocumentSpec, key: string) => {
    const who = doc.provenance[key] ?? doc.origin;
    return { ...layerPosition(chain, chain.layers[who.index]!, `documents.${doc.id}.${key}`), field: `documents.${doc.id}.${key}` };
  };

  for (const doc of mergeDocuments(chain)) {
    // -- when
    if (doc.when !== null) {
      const w = checkWhen(doc.when);
      if (!w.ok) out.push(makeDiagnostic('DL-PACK-WHEN-SYNTAX', at(doc, 'when'), { id: doc.id, detail: w.detail }));
      else
        for (const p of w.paths) {
          const root = p.split(/[.[]/)[0]!;
          if (root.startsWith('$') || roots.includes(root)) continue;
          const guess = closest(root, roots);
          out.push(
            makeDiagnostic('DL-PACK-WHEN-UNKNOWN-FIELD', at(doc, 'when'), {
              id: doc.id,
              path: p,
              suggestion: guess ? `; did you mean '${guess}${p.slice(root.length)}'?` : '',
            }),
          );
        }
    }

    // -- formats and the templates they need
    for (const format of doc.formats) {
      const needs = TEMPLATE_FOR_OUTPUT[format];
      if (!needs) continue;
      const inLanguage = doc.templates[chain.language]?.[needs] !== undefined;
      const inDutch = doc.templates[FALLBACK_LANGUAGE]?.[needs] !== undefined;
      if (!inLanguage && !inDutch) {
        out.push(makeDiagnostic('DL-PACK-FORMAT-WITHOUT-TEMPLATE', at(doc, 'formats'), {
          id: doc.id,
          format,
          template: needs,
          languages: chain.language === FALLBACK_LANGUAGE ? FALLBACK_LANGUAGE : `${chain.language} or ${FALLBACK_LANGUAGE}`,
        }));
      } else if (!inLanguage) {
        out.push(makeDiagnostic('DL-PACK-LANGUAGE-FALLBACK', at(doc, `templates.${FALLBACK_LANGUAGE}.${needs}`), { id: doc.id, format: needs, language: chain.language }));
      }
    }

    // -- every template named, per language
    for (const language of Object.keys(doc.templates).sort()) {
      const found: Partial<Record<TemplateFormat, Checked>> = {};
      for (const format of TEMPLATE_FORMATS) {
        if (doc.templates[language]?.[format] === undefined) continue;
        const r = resolveTemplate(chain, doc.id, format, language, { fallback: false });
        if (!r.ok) {
          out.push(r.diagnostic);
          continue;
        }
        const c = await check(r, doc.scope);
        if (c) found[format] = c;
      }
      const { docx, md } = found;
      if (docx && md && docx.tags.problems.length === 0 && md.tags.problems.length === 0) {
        const a = qualifiedFields(docx.tags, docx.known);
        const b = qualifiedFields(md.tags, md.known);
        const onlyDocx = [...a].filter((f) => !b.has(f)).sort();
        const onlyMd = [...b].filter((f) => !a.has(f)).sort();
        if (onlyDocx.length || onlyMd.length) {
          const difference = [
            onlyDocx.length ? `only in Word: ${fieldList(onlyDocx)}` : '',
            onlyMd.length ? `only in Markdown: ${fieldList(onlyMd)}` : '',
          ]
            .filter(Boolean)
            .join('; ');
          out.push(
            makeDiagnostic('DL-TEMPLATE-FIELDS-DIFFER', { file: docx.file }, { docx: docx.file, md: md.file, id: doc.id, language, difference }),
          );
        }
      }
    }
  }
  return sortDiagnostics(dedupe(out));
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify([d.code, d.file, d.line, d.column, d.field, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A list of field names short enough to read: the first eight, then how many more. */
function fieldList(fields: readonly string[]): string {
  const shown = fields.slice(0, 8).join(', ');
  return fields.length > 8 ? `${shown} and ${fields.length - 8} more` : shown;
}
