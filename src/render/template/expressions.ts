/**
 * The one expression parser for .docx and Markdown templates: docxtemplater's documented
 * `docxtemplater/expressions.js` (angular-expressions 1.6) with our filters, narrowed to a small,
 * safe language.
 *
 * What a tag may hold
 *   - data paths: `{incident.aware_at}`, `{rows[0].name}`, `{.}` / `{this}` (the current item in a
 *     loop), `{$index}` (0-based position in the innermost loop);
 *   - literals: numbers, 'text', "text", true, false, null;
 *   - operators: `! - +`, `== != === !== < > <= >=`, `+ - * / %`, `&& || ??`, `a ? b : c`, and the
 *     words `and`, `or`, `not` (rewritten to `&&`, `||`, `!`; so those three words cannot be field
 *     names);
 *   - filters: `{x | datum}`, `{n | aantal:"persoon":"personen"}` (only those of filters.ts).
 * Everything else is refused when the template is compiled (DL-TEMPLATE-FORBIDDEN): assignment
 * (`{a = 1}`), function calls (`{x.toString()}`), object and array literals, `$locals`, several
 * statements (`{a; b}`), template strings (backticks), raw-XML tags (`{@x}`), and the names
 * `constructor`, `prototype`, `__proto__` and the `__define/lookup{G,S}etter__` family.
 *
 * Why this is safe (checked by test/render/template/expressions.test.ts)
 *   1. angular-expressions runs in CSP mode (docxtemplater's default): an AST interpreter, no
 *      `new Function`, no eval; it never generates code from template text.
 *   2. Since 1.4.3 (CVE-2024-54152) and 1.5.2 it reads only *own* properties (`hasOwnProperty`) of
 *      scope objects, member targets and filters, so `"a".constructor`, `toString`,
 *      `x.__proto__`, `this.constructor` are undefined. (It also refuses values equal to
 *      globalThis, Function, eval… and hides `Function.prototype.constructor` while an expression
 *      runs; its README says those are usage hints, not a boundary, and we do not rely on them.)
 *      The boundary is: own properties of plain data only, nothing callable but our filters.
 *   3. On top of that we whitelist AST node types (no CallExpression except filters, no
 *      AssignmentExpression, no literals that build objects) and forbid the dangerous names, so a
 *      template cannot call anything but our filters and cannot write into the data.
 *   4. Our filters are pure functions of their arguments that return strings (the angular-expressions
 *      README: filters must never hand out objects, constructors or prototypes); they never look up
 *      a property named by the template. The filter table has no prototype and is frozen.
 *   5. A value that is a function is never called (docxtemplater would call it): refused.
 *   The data must be plain (YAML-parsed objects, arrays, strings, numbers, booleans, null), as the
 *   README also asks: class instances whose fields live on accessors of the prototype would read
 *   as missing.
 * angular-expressions could therefore be made safe, so we did not write our own parser.
 *
 * Output of a placeholder (`{x}`, not `{#x}`): strings pass; finite numbers print as digits (use
 * `aantal` for "1.250"); objects, lists, booleans and dates are DL-TEMPLATE-NOT-SCALAR (use
 * `lijst`, `janee`, `datum`); undefined/null are left to the caller's nullGetter
 * (DL-TEMPLATE-MISSING-VALUE). The resulting text passes through `output` (the Markdown escaper
 * for text templates; identity for .docx, where docxtemplater escapes XML itself).
 */
import expressionsModule from 'docxtemplater/expressions.js';
import type { DXT } from 'docxtemplater';
import { ExpressionProblem, classifyCompileError, forbidden, notScalar } from './errors.js';
import type { FilterSet } from './filters.js';
import { evaluateQuick, quickTag, SLOW } from './fast-path.js';

export type DocxtemplaterParser = (tag: string, meta?: { tag?: DXT.Part }) => DXT.Parser;

export interface ParserOptions {
  filters: FilterSet;
  /** Applied to the text of every value placeholder (not to loops and conditions). */
  output?: (text: string) => string;
}

/** Property names no template may mention, even where angular-expressions would return undefined. */
const FORBIDDEN_NAMES = new Set([
  'constructor',
  'prototype',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

const UNARY = new Set(['!', '-', '+']);
const BINARY = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', '+', '-', '*', '/', '%']);
const LOGICAL = new Set(['&&', '||', '??']);

interface AstNode {
  type: string;
  [k: string]: unknown;
}

/** What an expression reads: dotted data paths (relative to the current scope) and filters. */
export interface ExpressionInfo {
  /** e.g. ["incident.aware_at", "count"]; `this.x` counts as "x"; `.`/`this` and `$index` are left out. */
  paths: string[];
  /** Filter names in order of use, e.g. ["datum"]. */
  filters: string[];
}

// ---- preprocessing ---------------------------------------------------------------------------

/**
 * Rewrite the words `and`, `or`, `not` outside string literals to `&&`, `||`, `!`; refuse
 * backticks (template strings would be a second string syntax with `${...}` inside).
 * Curly quotes are straightened before this by expressions.js (`normalizeQuotes`).
 */
export function rewriteWordOperators(tag: string): string {
  let out = '';
  let i = 0;
  let lastSignificant = '';
  while (i < tag.length) {
    const c = tag[i]!;
    if (c === '`') throw forbidden('template strings (backticks) are not allowed; use "text" or \'text\'');
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < tag.length && tag[j] !== c) j += tag[j] === '\\' ? 2 : 1;
      out += tag.slice(i, j + 1);
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < tag.length && /[\w$]/.test(tag[j]!)) j++;
      const word = tag.slice(i, j);
      const isProperty = lastSignificant === '.';
      const op = isProperty ? undefined : word === 'and' ? '&&' : word === 'or' ? '||' : word === 'not' ? '!' : undefined;
      out += op ?? word;
      lastSignificant = word;
      i = j;
      continue;
    }
    if (!/\s/.test(c)) lastSignificant = c;
    out += c;
    i++;
  }
  return out;
}

// ---- the AST guard ---------------------------------------------------------------------------

function nameCheck(name: unknown): void {
  if (typeof name === 'string' && FORBIDDEN_NAMES.has(name)) {
    throw forbidden(`the name "${name}" is not allowed in templates`);
  }
}

/** Dotted path of an Identifier/MemberExpression chain, or undefined when not a plain path. */
function pathOf(node: AstNode): string | undefined {
  if (node.type === 'Identifier') return node.name === 'this' ? '' : String(node.name);
  if (node.type === 'MemberExpression') {
    const base = pathOf(node.object as AstNode);
    if (base === undefined) return undefined;
    const prop = node.property as AstNode;
    let key: string;
    if (!node.computed && prop.type === 'Identifier') key = `.${String(prop.name)}`;
    else if (prop.type === 'Literal' && typeof prop.value === 'number') key = `[${prop.value}]`;
    else if (prop.type === 'Literal') key = `.${String(prop.value)}`;
    else return undefined;
    return base === '' ? key.replace(/^\./, '') : base + key;
  }
  return undefined;
}

/**
 * Walk the AST: refuse what templates may not do, collect paths and filters.
 * Throws `forbidden(...)` (an ExpressionProblem).
 */
export function inspectAst(ast: AstNode, filters: FilterSet | undefined): ExpressionInfo {
  const info: ExpressionInfo = { paths: [], filters: [] };
  const addPath = (p: string): void => {
    if (p !== '' && p !== '$index' && !info.paths.includes(p)) info.paths.push(p);
  };
  const walk = (node: AstNode): void => {
    switch (node.type) {
      case 'Program': {
        const body = node.body as AstNode[];
        if (body.length !== 1) {
          throw body.length === 0
            ? new ExpressionProblem('DL-TEMPLATE-SYNTAX', 'empty_tag', 'the tag is empty')
            : forbidden('one expression per tag: ";" is not allowed');
        }
        walk(body[0]!);
        return;
      }
      case 'ExpressionStatement':
        walk(node.expression as AstNode);
        return;
      case 'Literal':
        return;
      case 'Identifier':
        nameCheck(node.name);
        addPath(pathOf(node) ?? '');
        return;
      case 'MemberExpression': {
        const prop = node.property as AstNode;
        if (!node.computed) nameCheck(prop.name);
        else if (prop.type === 'Literal') nameCheck(String(prop.value));
        const p = pathOf(node);
        if (p !== undefined) {
          // still check every name along the chain
          let n: AstNode = node;
          while (n.type === 'MemberExpression') {
            const pr = n.property as AstNode;
            if (!n.computed) nameCheck(pr.name);
            else if (pr.type === 'Literal') nameCheck(String(pr.value));
            n = n.object as AstNode;
          }
          if (n.type === 'Identifier') nameCheck(n.name);
          addPath(p);
          return;
        }
        walk(node.object as AstNode);
        if (node.computed) walk(prop);
        return;
      }
      case 'UnaryExpression':
        if (!UNARY.has(String(node.operator))) throw forbidden(`the operator "${String(node.operator)}" is not allowed`);
        walk(node.argument as AstNode);
        return;
      case 'BinaryExpression':
        if (!BINARY.has(String(node.operator))) throw forbidden(`the operator "${String(node.operator)}" is not allowed`);
        walk(node.left as AstNode);
        walk(node.right as AstNode);
        return;
      case 'LogicalExpression':
        if (!LOGICAL.has(String(node.operator))) throw forbidden(`the operator "${String(node.operator)}" is not allowed`);
        walk(node.left as AstNode);
        walk(node.right as AstNode);
        return;
      case 'ConditionalExpression':
        walk(node.test as AstNode);
        walk(node.alternate as AstNode);
        walk(node.consequent as AstNode);
        return;
      case 'FilterExpression':
      case 'CallExpression': {
        const callee = node.callee as AstNode;
        if (!node.filter || callee.type !== 'Identifier') {
          throw forbidden('function calls are not allowed in templates; use a filter: {value | filter}');
        }
        const name = String(callee.name);
        if (filters && !Object.prototype.hasOwnProperty.call(filters, name)) {
          // angular-expressions reports this first with its own message; kept as a second guard
          throw new ExpressionProblem('DL-TEMPLATE-UNKNOWN-FILTER', 'unknown_filter', `there is no filter called "${name}"`);
        }
        info.filters.push(name);
        for (const a of node.arguments as AstNode[]) walk(a);
        return;
      }
      case 'AssignmentExpression':
        throw forbidden('assignments ("=") are not allowed in templates; compare with "=="');
      case 'ArrayExpression':
      case 'ObjectExpression':
        throw forbidden('list and object literals are not allowed in templates');
      default:
        throw forbidden(`this kind of expression (${node.type}) is not allowed in templates`);
    }
  };
  walk(ast);
  return info;
}

// ---- values out ------------------------------------------------------------------------------

/** The text of a value placeholder; throws for what is not text. null/undefined never get here. */
export function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw notScalar(`the value is ${String(value)}, not a number that can be printed`);
      return String(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      throw notScalar(`the value is a yes/no (${String(value)}); print it with a filter: {… | janee} or {… | ouinon}, or use it as a condition {#…}`);
    case 'function':
      throw forbidden('the value is a function; templates do not call functions');
    default:
      break;
  }
  if (value instanceof Date) throw notScalar('the value is a date object; print it with a filter such as {… | datum}');
  if (Array.isArray(value)) throw notScalar('the value is a list; print it with {… | lijst} or loop over it with {#…}…{/…}');
  throw notScalar('the value is a group of fields, not text; name one of its fields, e.g. {group.field}, or loop over it with {#…}…{/…}');
}

// ---- the parser ------------------------------------------------------------------------------

// docxtemplater/expressions.js is CommonJS (`module.exports = parser`) but its typings say
// `export default`; under NodeNext TypeScript then expects `.default`. Take whichever exists.
type ExpressionsApi = {
  configure(options: Record<string, unknown>): (tag: string, meta?: unknown) => unknown;
};
const expressionParser: ExpressionsApi =
  ((expressionsModule as unknown as { default?: ExpressionsApi }).default ?? (expressionsModule as unknown as ExpressionsApi));

const DISABLED_SYNTAXES = ['CallExpression', 'ArrayExpression', 'ObjectExpression', 'ThisExpression', 'LocalsExpression'];

interface CompiledExpression {
  get(scope: unknown, context: DXT.ParserContext): unknown;
  compiled: { ast: AstNode };
}

function configuredBase(filters: FilterSet): (tag: string, meta?: unknown) => CompiledExpression {
  return expressionParser.configure({
    filters,
    csp: true,
    handleDotThis: true,
    // angular-expressions blocks these while it builds the AST; AssignmentExpression cannot be
    // listed (its compiler builds one internally for every expression) and is refused by inspectAst.
    disabledSyntaxes: DISABLED_SYNTAXES,
    preCompile: (tag: string) => rewriteWordOperators(tag),
    postCompile: (_tag: string, _meta: unknown, expr: { ast: AstNode }) => {
      inspectAst(expr.ast, filters);
    },
  }) as (tag: string, meta?: unknown) => CompiledExpression;
}

/** Compiled tags kept per configuration (filters + output), so each document does not compile them again. */
const MAX_CACHED_TAGS = 10_000;
const compiledTags = new WeakMap<FilterSet, WeakMap<(text: string) => string, { base: (tag: string, meta?: unknown) => CompiledExpression; tags: Map<string, DXT.Parser> }>>();
const identity = (s: string): string => s;

/**
 * A docxtemplater `parser` option. Compile errors (syntax, unknown filter, forbidden constructs)
 * are thrown when docxtemplater compiles the template, so it reports all of them at once.
 *
 * A tag compiles to the same stateless getter whatever the document, so compiled tags are cached
 * per filter set and output function (pass the same objects to share them: filters per zone come
 * from createFilters's own cache). A tag that is a plain path, or one through a filter with literal
 * arguments, is evaluated by fast-path.ts, with the library's rules but without its
 * per-evaluation costs. Measured on the default melding-ap (374 tags): compiling was
 * about a tenth of rendering a .docx. Tags that fail to compile are not cached: they fail again.
 */
export function createParser(options: ParserOptions): DocxtemplaterParser {
  const output = options.output ?? identity;
  let byOutput = compiledTags.get(options.filters);
  if (!byOutput) compiledTags.set(options.filters, (byOutput = new WeakMap()));
  let entry = byOutput.get(output);
  if (!entry) byOutput.set(output, (entry = { base: configuredBase(options.filters), tags: new Map() }));
  const { base, tags } = entry;
  const filters = options.filters;
  return function parser(tag: string, meta?: { tag?: DXT.Part }): DXT.Parser {
    const part = meta?.tag;
    if (part?.module === 'rawxml') {
      throw forbidden('raw XML tags ({@…}) are not allowed: they would put data into the document unescaped');
    }
    const isValue = part === undefined || (part.type === 'placeholder' && !part.module);
    const key = `${isValue ? 'v' : 's'}${tag}`;
    const cached = tags.get(key);
    if (cached) return cached;
    const compiled = base(tag, meta);
    const quick = quickTag(compiled.compiled.ast);
    const getter: DXT.Parser = {
      get(scope: unknown, context: DXT.ParserContext): unknown {
        const fast = quick ? evaluateQuick(quick, filters, scope, context) : SLOW;
        const value = fast === SLOW ? compiled.get(scope, context) : fast;
        if (typeof value === 'function') throw forbidden('the value is a function; templates do not call functions');
        if (!isValue || value === undefined || value === null) return value;
        return output(scalarText(value));
      },
    };
    if (tags.size >= MAX_CACHED_TAGS) tags.clear();
    tags.set(key, getter);
    return getter;
  };
}

/**
 * Compile one tag the way a render would and report what it reads; throws an ExpressionProblem
 * (DL-TEMPLATE-FORBIDDEN, -UNKNOWN-FILTER or -SYNTAX). Used by `listTags`.
 */
export function analyzeExpression(tag: string, filters: FilterSet): ExpressionInfo {
  const base = configuredBase(filters);
  let compiled: CompiledExpression;
  try {
    compiled = base(tag);
  } catch (e) {
    if (e instanceof ExpressionProblem) throw e;
    const { code, explanation } = classifyCompileError(e);
    throw new ExpressionProblem(code, 'scopeparser_compilation_failed', explanation);
  }
  return inspectAst(compiled.compiled.ast, filters);
}
