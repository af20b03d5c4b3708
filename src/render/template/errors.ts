/**
 * Template errors as data.
 *
 * One render collects every problem it meets (docxtemplater's MultiError gives several at once,
 * and our nullGetter records each missing value) and then fails once with a `TemplateError`
 * carrying the whole list. Each problem keeps docxtemplater's `properties` (`id`, `xtag`,
 * `explanation`) and adds the template path, the incident and, for text templates, the line and
 * column. Nothing here prints; the CLI turns problems into diagnostics (`toDiagnostics`).
 *
 * Codes are stable. They still need entries in src/diagnostics/catalogue.ts (owned elsewhere).
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { hasQuotes, redact, reveal } from '../../diagnostics/redact.js';

export type TemplateErrorCode =
  /** Tags do not pair up (`{#a}` without `{/a}`), a tag is unclosed, or an expression does not parse. */
  | 'DL-TEMPLATE-SYNTAX'
  /** `{x | naam}` where `naam` is not one of our filters. */
  | 'DL-TEMPLATE-UNKNOWN-FILTER'
  /** An expression uses something templates may not: assignment, function calls, object or array
   *  literals, `constructor` / `prototype` / `__proto__`, template strings, raw-XML tags `{@x}`. */
  | 'DL-TEMPLATE-FORBIDDEN'
  /** A placeholder (or a filter's input) has no value in the data: undefined or null. */
  | 'DL-TEMPLATE-MISSING-VALUE'
  /** A placeholder's value is not text: an object, a list, a yes/no or a date printed as such. */
  | 'DL-TEMPLATE-NOT-SCALAR'
  /** A value of the wrong kind for its filter (e.g. `"abc" | datum`), a bad `$zone`, characters
   *  that cannot appear in a Word document. */
  | 'DL-TEMPLATE-BAD-VALUE'
  /** The .docx template is not a zip archive, lacks word/document.xml, or holds invalid XML. */
  | 'DL-TEMPLATE-NOT-A-DOCX'
  /** A .docx template that would expand to more than we unpack (a zip bomb, or media gone wild). */
  | 'DL-TEMPLATE-TOO-LARGE'
  /** Any other problem docxtemplater reports while rendering. */
  | 'DL-TEMPLATE-RENDER'
  /** SOURCE_DATE_EPOCH is set but is not a whole number of seconds (same code as the PDF side). */
  | 'DL-SOURCE-DATE-EPOCH';

export interface TemplateProblem {
  code: TemplateErrorCode;
  /** docxtemplater's `properties.id` (e.g. "unclosed_tag", "scopeparser_execution_failed"), or,
   *  for what we find ourselves: "missing_value" (nullGetter), "bad_zone", "not_a_zip",
   *  "no_document_xml", "too_large", "bad_source_date_epoch". */
  id: string;
  /** The tag as written in the template, without its braces; '' when the whole template is meant. */
  xtag: string;
  /** What is wrong, in plain words. */
  explanation: string;
  /** The explanation without the values it quotes from the data (see src/diagnostics/redact.ts), when it quotes any. */
  redactedExplanation?: string;
  templatePath: string;
  incident?: string;
  /** For .docx templates: the part inside the zip, e.g. "word/document.xml". */
  part?: string;
  /** docxtemplater's offset: characters into the text template, or into the text of a .docx part. */
  offset?: number;
  /** 1-based, text templates only. */
  line?: number;
  column?: number;
}

export interface TemplateErrorOptions {
  templatePath: string;
  incident?: string | undefined;
  cause?: unknown;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  /** The code of the first problem; every problem carries its own code as well. */
  readonly code: TemplateErrorCode;
  readonly problems: readonly TemplateProblem[];
  readonly templatePath: string;
  readonly incident: string | undefined;

  constructor(problems: readonly TemplateProblem[], options: TemplateErrorOptions) {
    if (problems.length === 0) throw new RangeError('TemplateError needs at least one problem');
    super(formatMessage(problems, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = problems[0]!.code;
    this.problems = problems;
    this.templatePath = options.templatePath;
    this.incident = options.incident;
  }
}

export function isTemplateError(e: unknown, code?: TemplateErrorCode): e is TemplateError {
  return e instanceof TemplateError && (code === undefined || e.problems.some((p) => p.code === code));
}

function formatMessage(problems: readonly TemplateProblem[], options: TemplateErrorOptions): string {
  const about = options.incident ? ` (incident ${options.incident})` : '';
  const head =
    problems.length === 1
      ? `${options.templatePath}: template problem${about}`
      : `${options.templatePath}: ${problems.length} template problems${about}`;
  return [head, ...problems.map((p) => `  ${where(p)}${p.explanation} [${p.code}]`)].join('\n');
}

function where(p: TemplateProblem): string {
  const at = p.line !== undefined ? `${p.line}:${p.column ?? 1}: ` : p.part ? `${p.part}: ` : '';
  return p.xtag ? `${at}{${p.xtag}}: ` : at;
}

/** Problems as the project's diagnostics (file:line:column, field = the tag). */
export function toDiagnostics(error: TemplateError): Diagnostic[] {
  const about = (p: TemplateProblem, text: string): string => (p.incident ? `${text} (incident ${p.incident})` : text);
  return error.problems.map((p) => {
    const d: Diagnostic = {
      code: p.code,
      severity: 'error' as const,
      file: p.templatePath,
      line: p.line ?? 0,
      column: p.column ?? 0,
      field: p.xtag,
      message: about(p, p.explanation),
    };
    if (p.redactedExplanation !== undefined) d.redacted = { message: about(p, p.redactedExplanation) };
    return d;
  });
}

/**
 * Thrown while an expression is compiled or evaluated (by a filter, by the output check of a
 * placeholder, by the expression guard). docxtemplater wraps it as the `rootError` of its own
 * scope-parser error; `problemsFromDocxtemplater` unwraps it again and keeps our code.
 */
export class ExpressionProblem extends Error {
  override readonly name = 'ExpressionProblem';
  /** The message without the data values it quotes, when it quotes any. */
  readonly redactedMessage: string | undefined;
  constructor(
    readonly code: TemplateErrorCode,
    readonly id: string,
    /** May mark quoted data with `quoted()` (src/diagnostics/redact.ts). */
    message: string,
  ) {
    super(reveal(message));
    this.redactedMessage = hasQuotes(message) ? redact(message) : undefined;
  }
}

export const missingValue = (message: string): ExpressionProblem =>
  new ExpressionProblem('DL-TEMPLATE-MISSING-VALUE', 'missing_value', message);
export const badValue = (message: string): ExpressionProblem =>
  new ExpressionProblem('DL-TEMPLATE-BAD-VALUE', 'bad_value', message);
export const notScalar = (message: string): ExpressionProblem =>
  new ExpressionProblem('DL-TEMPLATE-NOT-SCALAR', 'not_scalar', message);
export const forbidden = (message: string): ExpressionProblem =>
  new ExpressionProblem('DL-TEMPLATE-FORBIDDEN', 'forbidden_expression', message);

/** Where a problem sits: who rendered what, and how to turn an offset into line and column. */
export interface ProblemContext {
  templatePath: string;
  incident?: string | undefined;
  /** Text templates: map docxtemplater's offset to the original template's offset, line and column. */
  locate?: (offset: number) => { offset: number; line: number; column: number };
}

interface XTProperties {
  id?: unknown;
  xtag?: unknown;
  explanation?: unknown;
  offset?: unknown;
  file?: unknown;
  rootError?: unknown;
  errors?: unknown;
}

function propertiesOf(e: unknown): XTProperties | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const p = (e as { properties?: unknown }).properties;
  return typeof p === 'object' && p !== null ? (p as XTProperties) : undefined;
}

/** True for errors thrown by docxtemplater (they all carry `properties.id`). */
export function isDocxtemplaterError(e: unknown): boolean {
  return typeof propertiesOf(e)?.id === 'string';
}

const BLOCKED_SYNTAX: Record<string, string> = {
  CallExpression: 'function calls are not allowed in templates; use a filter: {value | filter}',
  ArrayExpression: 'list and object literals are not allowed in templates',
  ObjectExpression: 'list and object literals are not allowed in templates',
  LocalsExpression: '$locals is not allowed in templates',
  ThisExpression: '"this" is not allowed here',
};

const SYNTAX_IDS = new Set([
  'unopened_tag',
  'unclosed_tag',
  'unclosed_loop',
  'unopened_loop',
  'closing_tag_does_not_match_opening_tag',
  'unbalanced_loop_tags',
  'duplicate_open_tag',
  'duplicate_close_tag',
  'delimiters_not_balanced',
  'raw_xml_tag_should_be_only_text_in_paragraph',
  'raw_tag_outerxml_invalid',
  'raw_tag_innerxml_invalid',
  'no_xml_tag_found_at_right',
  'no_xml_tag_found_at_left',
  'loop_position_invalid',
  'malformed_xml',
]);

/** Flatten a docxtemplater error (MultiError or single) into problems; [] if it is not one. */
export function problemsFromDocxtemplater(error: unknown, ctx: ProblemContext): TemplateProblem[] {
  const props = propertiesOf(error);
  if (!props || typeof props.id !== 'string') return [];
  if (props.id === 'multi_error' && Array.isArray(props.errors)) {
    return props.errors.flatMap((e) => problemsFromDocxtemplater(e, ctx));
  }
  const id = props.id;
  const xtag = typeof props.xtag === 'string' ? props.xtag : '';
  let explanation = typeof props.explanation === 'string' ? props.explanation : String((error as Error).message);
  let redactedExplanation: string | undefined;
  let code: TemplateErrorCode;
  const root = props.rootError;
  if (root instanceof ExpressionProblem) {
    code = root.code; // docxtemplater's id (scopeparser_*) is kept as the problem's id
    explanation = root.message;
    redactedExplanation = root.redactedMessage;
  } else if (id === 'scopeparser_compilation_failed') {
    ({ code, explanation } = classifyCompileError(root));
  } else if (id === 'scopeparser_execution_failed') {
    const msg = root instanceof Error ? root.message : String(root);
    code = /Security Error/i.test(msg) ? 'DL-TEMPLATE-FORBIDDEN' : 'DL-TEMPLATE-RENDER';
    explanation = `the expression failed: ${msg}`;
  } else if (id === 'invalid_xml_characters') {
    code = 'DL-TEMPLATE-BAD-VALUE';
    explanation = 'the value holds control characters that a Word document cannot contain';
  } else if (id === 'file_has_invalid_xml') {
    code = 'DL-TEMPLATE-NOT-A-DOCX';
  } else if (SYNTAX_IDS.has(id) || /tag|loop|delimiter/.test(id)) {
    code = 'DL-TEMPLATE-SYNTAX';
  } else {
    code = 'DL-TEMPLATE-RENDER';
  }
  // docxtemplater quotes template text, line breaks included: one line per problem.
  const oneLine = (t: string): string => t.replace(/\s*[\r\n]+\s*/g, ' ');
  const problem: TemplateProblem = { code, id, xtag, explanation: oneLine(explanation), templatePath: ctx.templatePath };
  if (redactedExplanation !== undefined) problem.redactedExplanation = oneLine(redactedExplanation);
  if (ctx.incident !== undefined) problem.incident = ctx.incident;
  if (typeof props.file === 'string') problem.part = props.file;
  const rawOffset = Array.isArray(props.offset) ? props.offset[0] : props.offset;
  if (typeof rawOffset === 'number') placeAt(problem, rawOffset, ctx);
  return [problem];
}

/** Code and explanation for an error thrown while compiling one expression. */
export function classifyCompileError(root: unknown): { code: TemplateErrorCode; explanation: string } {
  if (root instanceof ExpressionProblem) return { code: root.code, explanation: root.message };
  const msg = root instanceof Error ? root.message : String(root);
  const unknownFilter = /Filter '([^']*)' is not defined/.exec(msg);
  if (unknownFilter) return { code: 'DL-TEMPLATE-UNKNOWN-FILTER', explanation: `there is no filter called "${unknownFilter[1]}"` };
  if (/is blocked by disabledSyntaxes/.test(msg)) {
    const syntax = /"?(\w+)"? is blocked/.exec(msg)?.[1] ?? '';
    return {
      code: 'DL-TEMPLATE-FORBIDDEN',
      explanation: BLOCKED_SYNTAX[syntax] ?? `templates may not use this kind of expression (${syntax})`,
    };
  }
  return { code: 'DL-TEMPLATE-SYNTAX', explanation: `the expression does not parse: ${cleanAngularMessage(msg)}` };
}

/** Set offset (and line/column for text templates) on a problem. */
export function placeAt(problem: TemplateProblem, offset: number, ctx: ProblemContext): void {
  if (ctx.locate) {
    const at = ctx.locate(offset);
    problem.offset = at.offset;
    problem.line = at.line;
    problem.column = at.column;
  } else {
    problem.offset = offset;
  }
}

function cleanAngularMessage(msg: string): string {
  // "[$parse:syntax] Syntax Error: Token 'b' is an unexpected token at column 3 of the expression [a b] starting at [b].\nhttp://errors.angularjs.org/..."
  const first = msg.split('\n')[0] ?? msg;
  return first.replace(/^\[\$parse:\w+\]\s*/, '').replace(/^(?:Syntax|Lexer) Error:\s*/, '');
}

/** Same code, tag and place: keep the first (a missing value inside a loop repeats per item). */
export function dedupeProblems(problems: readonly TemplateProblem[]): TemplateProblem[] {
  const seen = new Set<string>();
  const out: TemplateProblem[] = [];
  for (const p of problems) {
    const key = `${p.code}\u0000${p.part ?? ''}\u0000${p.offset ?? ''}\u0000${p.xtag}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** Order by part, then offset; problems without an offset first (they concern the whole template). */
export function sortProblems(problems: TemplateProblem[]): TemplateProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (a.p.part ?? '').localeCompare(b.p.part ?? '') ||
        (a.p.offset ?? -1) - (b.p.offset ?? -1) ||
        a.i - b.i,
    )
    .map((x) => x.p);
}
