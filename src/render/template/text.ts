/**
 * Text (Markdown) templates, rendered with docxtemplater's TxtTemplater and the same expression
 * parser and filters as .docx templates. The result is Markdown for marked; turning it into HTML
 * and PDF happens elsewhere.
 *
 * Every value a placeholder prints passes through `ctx.escape` (give it `escapeMarkdown`); loops
 * and conditions are not escaped, they only decide what is shown.
 *
 * Standalone section lines: a line holding nothing but section tags (`{#list}`, `{^list}`,
 * `{/list}`, several allowed) disappears with its line break, as in Mustache, so
 *
 *     Maatregelen:
 *     {#maatregelen}
 *     - {.}
 *     {/maatregelen}
 *
 * gives a tight Markdown list. Line and column in errors refer to the template as written.
 * Delimiter changes (`{=[[ ]]=}`) are switched off: one tag syntax everywhere.
 */
import TxtTemplater from 'docxtemplater/text.js';
import { createParser } from './expressions.js';
import type { FilterSet } from './filters.js';
import type { ProblemContext, TemplateProblem } from './errors.js';
import { docxtemplaterProblems, failWith, filtersForData, recordMissing } from './support.js';

export interface TextRenderContext {
  /** Shown in errors, e.g. "templates/_default/brief-betrokkene.md". */
  templatePath: string;
  /** Incident id, shown in errors. */
  incident?: string;
  /** Applied to every printed value: `escapeMarkdown` for Markdown templates. */
  escape: (s: string) => string;
}

export interface PreparedText {
  /** The template with standalone section lines folded. */
  text: string;
  /** Offset in `text` -> offset, 1-based line and column in the original template. */
  locate: (offset: number) => { offset: number; line: number; column: number };
}

const STANDALONE = /^[ \t]*((?:\{[#^/][^{}\n]*\}[ \t]*)+)\r?\n/gm;
const SECTION_TAG = /\{[#^/][^{}\n]*\}/g;

/** Fold standalone section lines and keep a map back to the original offsets. */
export function prepareTextTemplate(template: string): PreparedText {
  // kept chunks: [start in new text, start in original, length]
  const chunks: Array<[number, number, number]> = [];
  let text = '';
  let origPos = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    chunks.push([text.length, from, to - from]);
    text += template.slice(from, to);
  };
  for (const m of template.matchAll(STANDALONE)) {
    const start = m.index;
    keep(origPos, start);
    const line = m[0];
    for (const t of line.matchAll(SECTION_TAG)) keep(start + t.index, start + t.index + t[0].length);
    origPos = start + line.length;
  }
  keep(origPos, template.length);

  const lineStarts = [0];
  for (let i = 0; i < template.length; i++) if (template[i] === '\n') lineStarts.push(i + 1);

  const locate = (offset: number): { offset: number; line: number; column: number } => {
    // The last kept chunk starting at or before `offset` (binary search: a template with
    // thousands of section lines is located thousands of times).
    let orig = offset;
    let a = 0;
    let b = chunks.length - 1;
    let found = -1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      if (chunks[mid]![0] <= offset) {
        found = mid;
        a = mid + 1;
      } else b = mid - 1;
    }
    if (found >= 0) {
      const [newStart, origStart] = chunks[found]!;
      orig = origStart + (offset - newStart);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= orig) lo = mid;
      else hi = mid - 1;
    }
    return { offset: orig, line: lo + 1, column: orig - lineStarts[lo]! + 1 };
  };
  return { text, locate };
}

/**
 * The longest Markdown template accepted, in characters: ten times the longest default template.
 * Compiling costs time and memory per tag (a template of 64,000 tags took seconds and half a GB),
 * so a size bound keeps a hostile or runaway template from stalling a build.
 */
export const MAX_TEXT_TEMPLATE_LENGTH = 128 * 1024;

/** The problem of a text template that is too long, or undefined. */
export function textTemplateTooLarge(template: string, templatePath: string): TemplateProblem | undefined {
  if (template.length <= MAX_TEXT_TEMPLATE_LENGTH) return undefined;
  return {
    code: 'DL-TEMPLATE-TOO-LARGE',
    id: 'too_large',
    xtag: '',
    explanation: `the template is ${Math.ceil(template.length / 1024)} kB of text, more than the ${MAX_TEXT_TEMPLATE_LENGTH / 1024} kB a template may hold`,
    templatePath,
  };
}

/**
 * How deep sections (`{#a}{#b}...{/b}{/a}`) may nest. Real templates nest three or four deep;
 * thousands of levels make docxtemplater (and the template lint) recurse and allocate without
 * bound.
 */
export const MAX_SECTION_DEPTH = 32;

/** The deepest nesting of section tags in a template's text (a quick scan, not a parse). */
export function sectionDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/\{\s*([#^/])/g)) {
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

/** The problem of a template whose sections nest too deeply, or undefined. */
export function tooDeep(text: string, templatePath: string, part?: string): TemplateProblem | undefined {
  const depth = sectionDepth(text);
  if (depth <= MAX_SECTION_DEPTH) return undefined;
  const problem: TemplateProblem = {
    code: 'DL-TEMPLATE-SYNTAX',
    id: 'too_deep',
    xtag: '',
    explanation: `sections ({#…}) are nested ${depth} deep; a template may nest at most ${MAX_SECTION_DEPTH}`,
    templatePath,
  };
  if (part !== undefined) problem.part = part;
  return problem;
}

/** Options for TxtTemplater shared by rendering and listing. */
export const TEXT_TEMPLATER_OPTIONS = {
  errorLogging: false,
  syntax: { changeDelimiterPrefix: null },
} as const;

/** Templates already checked and prepared: a build renders the same few templates many times. */
const preparedTemplates = new Map<string, PreparedText>();
const MAX_PREPARED_TEMPLATES = 64;

function checkedTemplate(template: string, ctx: TextRenderContext): PreparedText {
  let prepared = preparedTemplates.get(template);
  if (prepared) return prepared;
  const tooLarge = textTemplateTooLarge(template, ctx.templatePath) ?? tooDeep(template, ctx.templatePath);
  if (tooLarge) throw failWith([tooLarge], { templatePath: ctx.templatePath, incident: ctx.incident });
  prepared = prepareTextTemplate(template);
  if (preparedTemplates.size >= MAX_PREPARED_TEMPLATES) preparedTemplates.clear();
  preparedTemplates.set(template, prepared);
  return prepared;
}

/** What the nullGetter of a compiled template records into: set before each (synchronous) render. */
interface RenderState {
  problems: TemplateProblem[];
  where: ProblemContext;
}

interface CompiledText {
  templater: TxtTemplater;
  state: RenderState;
}

/**
 * Compiled templates, by prepared template, filter set and escape function: TxtTemplater lexes,
 * parses and compiles in its constructor, and `render` may be called again with other data (it
 * starts from a new scope each time). A build renders the same few templates hundreds of times;
 * compiling them each time was about half of the templating (measured on the bench's letters).
 * An instance whose render failed is dropped (docxtemplater keeps the errors on it), and a
 * template that does not compile is not kept: it fails again, with all its problems.
 */
const compiledTexts = new WeakMap<PreparedText, WeakMap<FilterSet, WeakMap<(s: string) => string, CompiledText>>>();

function compiledText(prepared: PreparedText, filters: FilterSet, escape: (s: string) => string, where: ProblemContext): CompiledText {
  let byFilters = compiledTexts.get(prepared);
  if (!byFilters) compiledTexts.set(prepared, (byFilters = new WeakMap()));
  let byEscape = byFilters.get(filters);
  if (!byEscape) byFilters.set(filters, (byEscape = new WeakMap()));
  const cached = byEscape.get(escape);
  if (cached) return cached;
  const state: RenderState = { problems: [], where };
  let templater: TxtTemplater;
  try {
    templater = new TxtTemplater(prepared.text, {
      ...TEXT_TEMPLATER_OPTIONS,
      parser: createParser({ filters, output: escape }),
      nullGetter: (part, scopeManager) => recordMissing(state.problems, state.where, part, scopeManager),
    });
  } catch (e) {
    throw failWith(docxtemplaterProblems(e, where), where, e);
  }
  const compiled = { templater, state };
  byEscape.set(escape, compiled);
  return compiled;
}

function forgetCompiled(prepared: PreparedText, filters: FilterSet, escape: (s: string) => string): void {
  compiledTexts.get(prepared)?.get(filters)?.delete(escape);
}

/**
 * Render a text template. Throws a TemplateError listing every problem of this render (syntax,
 * unknown filters, forbidden expressions, missing values, values that are not text); other
 * errors are internal faults and pass through.
 */
export function renderText(template: string, data: object, ctx: TextRenderContext): string {
  const prepared = checkedTemplate(template, ctx);
  const where: ProblemContext = { templatePath: ctx.templatePath, incident: ctx.incident, locate: prepared.locate };
  const filters = filtersForData(data, where);
  const problems: TemplateProblem[] = [];
  const compiled = compiledText(prepared, filters, ctx.escape, where);
  compiled.state.problems = problems;
  compiled.state.where = where;

  let out = '';
  let cause: unknown;
  try {
    out = compiled.templater.render(data);
  } catch (e) {
    cause = e;
    forgetCompiled(prepared, filters, ctx.escape);
    problems.push(...docxtemplaterProblems(e, where));
  } finally {
    // the cache does not keep this render's problems alive
    compiled.state.problems = [];
  }
  if (problems.length > 0) throw failWith(problems, where, cause);
  return out;
}
