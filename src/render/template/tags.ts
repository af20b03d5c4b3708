/**
 * The tags a template uses, for linting: unknown fields, unknown filters, and the .docx and
 * Markdown versions of one document asking for different fields.
 *
 * The template is compiled by docxtemplater exactly as a render would (same options, same
 * delimiters, standalone-line folding for text), with a parser that only records; each tag's
 * expression is then analysed by the shared expression parser (paths read, filters used, forbidden
 * constructs). Problems do not throw: they come back in `problems`, so a linter can show them all.
 *
 * Word splitting a tag over several runs (`<w:t>{na</w:t></w:r><w:r><w:t>me}</w:t>`, common
 * after spell-check or a change of formatting inside the tag) needs nothing from us:
 * docxtemplater reads the text of a paragraph across runs before it looks for tags, so `{name}`
 * is found and rendered (test/render/docx/render.test.ts checks both listing and rendering).
 *
 * Sources: .docx via a small module that receives each templated part's compiled tree (the hook
 * docxtemplater's InspectModule uses; InspectModule itself needs lodash, which we do not install):
 * document, headers, footers, footnotes…; text via the parts TxtTemplater hands to the parser
 * while compiling (TxtTemplater takes no modules), whose nesting comes from `subparsed`.
 */
import Docxtemplater from 'docxtemplater';
import type { DXT } from 'docxtemplater';
import TxtTemplater from 'docxtemplater/text.js';
import { DOCX_OPTIONS, openDocx } from '../docx/render.js';
import { analyzeExpression } from './expressions.js';
import {
  TemplateError,
  classifyCompileError,
  problemsFromDocxtemplater,
  type ProblemContext,
  type TemplateProblem,
} from './errors.js';
import { createFilters } from './filters.js';
import { TEXT_TEMPLATER_OPTIONS, prepareTextTemplate, textTemplateTooLarge, tooDeep } from './text.js';

export type TagKind = 'value' | 'section' | 'inverted' | 'raw';

export interface TemplateTag {
  /** The expression as written, without braces and without `#`/`^`/`/`: "aware_at | datum". */
  tag: string;
  /** `{x}` value, `{#x}` section (loop or condition), `{^x}` inverted section, `{@x}` raw XML (refused). */
  kind: TagKind;
  /** Data paths the expression reads, relative to its scope ("incident.aware_at"). */
  paths: string[];
  /** Filters used, in order. */
  filters: string[];
  /** Enclosing section tags, outermost first. */
  scope: string[];
  /** .docx: the part, e.g. "word/document.xml". */
  part?: string;
  offset?: number;
  /** Text templates: 1-based line and column of the tag in the template as written. */
  line?: number;
  column?: number;
  /** Sections: the tags inside. */
  children?: TemplateTag[];
}

export interface TemplateTags {
  /** The tags in template order, sections holding their children. */
  tags: TemplateTag[];
  /** Every data path read anywhere, sorted, unique (unqualified: inside `{#rows}` "name" is "name"). */
  fields: string[];
  /** Every section expression, sorted, unique. */
  sections: string[];
  /** Every filter used, sorted, unique. */
  filters: string[];
  /** Syntax errors, unknown filters, forbidden expressions; [] when the template is fine. */
  problems: TemplateProblem[];
}

type AnyPart = DXT.Part & { subparsed?: AnyPart[] };


/**
 * List the tags of a template. `template` is the .docx bytes for 'docx' and the text for 'text'.
 */
export function listTags(
  template: string | Uint8Array,
  kind: 'docx' | 'text',
  ctx: { templatePath?: string } = {},
): TemplateTags {
  const where: ProblemContext = { templatePath: ctx.templatePath ?? '' };
  const result: TemplateTags = { tags: [], fields: [], sections: [], filters: [], problems: [] };
  const filters = createFilters();
  const recordingParser = (): DXT.Parser => ({ get: () => undefined });

  const walk = (parts: AnyPart[], scope: string[], partPath: string | undefined, local: ProblemContext): TemplateTag[] => {
    const out: TemplateTag[] = [];
    for (const p of parts) {
      if (p.type !== 'placeholder') continue;
      const kindOf: TagKind =
        p.module === 'rawxml' ? 'raw' : p.module === 'loop' ? (p.inverted ? 'inverted' : 'section') : 'value';
      const t: TemplateTag = { tag: p.value, kind: kindOf, paths: [], filters: [], scope };
      if (partPath !== undefined) t.part = partPath;
      if (typeof p.offset === 'number') {
        if (local.locate) {
          const at = local.locate(p.offset);
          t.offset = at.offset;
          t.line = at.line;
          t.column = at.column;
        } else {
          t.offset = p.offset;
        }
      }
      const problem = (code: TemplateProblem['code'], id: string, explanation: string): void => {
        const pr: TemplateProblem = { code, id, xtag: p.value, explanation, templatePath: where.templatePath };
        if (partPath !== undefined) pr.part = partPath;
        if (t.offset !== undefined) pr.offset = t.offset;
        if (t.line !== undefined) {
          pr.line = t.line;
          pr.column = t.column!;
        }
        result.problems.push(pr);
      };
      if (kindOf === 'raw') {
        problem('DL-TEMPLATE-FORBIDDEN', 'forbidden_expression', 'raw XML tags ({@…}) are not allowed: they would put data into the document unescaped');
      } else {
        try {
          const info = analyzeExpression(p.value, filters);
          t.paths = info.paths;
          t.filters = info.filters;
        } catch (e) {
          const { code, explanation } = classifyCompileError(e);
          problem(code, 'scopeparser_compilation_failed', explanation);
        }
      }
      if (p.module === 'loop') {
        t.children = walk((p.subparsed ?? []) as AnyPart[], [...scope, p.value], partPath, local);
      }
      out.push(t);
    }
    return out;
  };

  if (kind === 'text') {
    const text = typeof template === 'string' ? template : new TextDecoder().decode(template);
    const tooLarge = textTemplateTooLarge(text, where.templatePath) ?? tooDeep(text, where.templatePath);
    if (tooLarge) {
      result.problems.push(tooLarge);
      return result;
    }
    const prepared = prepareTextTemplate(text);
    const local: ProblemContext = { ...where, locate: prepared.locate };
    const recorded = new Set<AnyPart>();
    try {
      new TxtTemplater(prepared.text, {
        ...TEXT_TEMPLATER_OPTIONS,
        parser: ((_tag: string, meta?: { tag?: AnyPart }) => {
          if (meta?.tag) recorded.add(meta.tag);
          return recordingParser();
        }) as (tag: string) => DXT.Parser,
      });
    } catch (e) {
      result.problems.push(...problemsFromDocxtemplater(e, local));
      if (result.problems.length === 0) throw e;
    }
    // The outermost tags: those inside no loop. One sweep in template order, keeping the furthest
    // end of the loops opened so far (a check of every tag against every loop was quadratic).
    const seen = [...recorded].sort((a, b) => a.lIndex - b.lIndex);
    const roots: AnyPart[] = [];
    let openUntil = -Infinity;
    for (const p of seen) {
      if (!(p.lIndex < openUntil)) roots.push(p);
      if (p.module === 'loop' && typeof p.endLindex === 'number') openUntil = Math.max(openUntil, p.endLindex);
    }
    result.tags = walk(roots, [], undefined, local);
  } else {
    const bytes = typeof template === 'string' ? new TextEncoder().encode(template) : template;
    let zip;
    try {
      zip = openDocx(bytes, where);
    } catch (e) {
      if (e instanceof TemplateError) {
        result.problems.push(...e.problems);
        return result;
      }
      throw e;
    }
    // What docxtemplater's InspectModule does, without its lodash dependency: every module is
    // told each templated part's path and its compiled tree (`set({ inspect: … })`).
    const trees = new Map<string, AnyPart[]>();
    let current = '';
    const recorder: DXT.Module = {
      name: 'DatalekTagRecorder',
      set(options: { inspect?: { filePath?: string; postparsed?: AnyPart[] } }) {
        const i = options.inspect;
        if (!i) return;
        if (i.filePath) current = i.filePath;
        if (i.postparsed) trees.set(current, i.postparsed);
      },
    };
    try {
      new Docxtemplater(zip, { ...DOCX_OPTIONS, parser: recordingParser, modules: [recorder] });
    } catch (e) {
      const problems = problemsFromDocxtemplater(e, where);
      if (problems.length === 0) throw e;
      result.problems.push(...problems);
      return finish(result);
    }
    const files = [...trees.keys()].sort((a, b) =>
      a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b),
    );
    for (const file of files) result.tags.push(...walk(trees.get(file)!, [], file, where));
  }
  return finish(result);
}

function finish(result: TemplateTags): TemplateTags {
  const fields = new Set<string>();
  const sections = new Set<string>();
  const filters = new Set<string>();
  const visit = (tags: TemplateTag[]): void => {
    for (const t of tags) {
      t.paths.forEach((p) => fields.add(p));
      t.filters.forEach((f) => filters.add(f));
      if (t.kind === 'section' || t.kind === 'inverted') sections.add(t.tag);
      if (t.children) visit(t.children);
    }
  };
  visit(result.tags);
  result.fields = [...fields].sort();
  result.sections = [...sections].sort();
  result.filters = [...filters].sort();
  return result;
}
