/**
 * A shortcut for the commonest tags: a plain data path such as `{incident.titel}` or
 * `{organisatie.adres.plaats}`, alone or through one filter with literal arguments
 * (`{gemeld_op | datumtijd}`, `{aantal | aantal:"persoon":"personen"}`), evaluated here with the
 * lookup rules of docxtemplater's expressions.js over angular-expressions, instead of through them.
 *
 * Why: angular-expressions runs every evaluation inside runWithFunctionConstructorProtection,
 * which deletes and restores `Function.prototype.constructor` (each time changing a built-in
 * prototype, which V8 pays for everywhere), and docxtemplater builds a Proxy per evaluation.
 * Measured on the bench's letters: about a third of the Markdown templating time.
 *
 * The rules reproduced (docxtemplater 3.71 expressions.js, angular-expressions 1.6 in CSP mode):
 *   - the first name is found when the current scope or any scope of the loop stack has it as an
 *     own property; its value is the current scope's when that is neither null nor undefined, else
 *     that of the innermost scope of the stack where it is neither, else null;
 *   - each further name reads an own property of the value so far, or gives undefined (also on
 *     null and undefined).
 * Whenever anything is not plain data (a scope that is not an object, a function, the global
 * object: the values angular-expressions refuses or docxtemplater binds), the shortcut answers
 * SLOW and the library evaluates the tag exactly as before. A property test compares the two on
 * random data (test/render/template/fast-path.test.ts).
 */

/** The shortcut declines: let the library evaluate the tag. */
export const SLOW: unique symbol = Symbol('slow');

interface AstNode {
  type: string;
  [k: string]: unknown;
}

interface LookupContext {
  scopeList: readonly unknown[];
}

const hasOwn = (value: unknown, name: string): boolean => Object.prototype.hasOwnProperty.call(value, name);

/** Values the library would refuse (assertSafeValue) or treat specially (functions are bound). */
const unusual = (value: unknown): boolean => typeof value === 'function' || value === globalThis;

/** The one expression of a compiled tag's AST (a Program of one ExpressionStatement), or undefined. */
function soleExpression(ast: unknown): AstNode | undefined {
  const program = ast as AstNode | undefined;
  const body = program?.type === 'Program' ? (program.body as AstNode[] | undefined) : undefined;
  if (!body || body.length !== 1 || body[0]!.type !== 'ExpressionStatement') return undefined;
  return body[0]!.expression as AstNode | undefined;
}

/** The names of an expression that is a chain of plain names (`a`, `a.b.c`), or undefined. */
function pathNames(expression: AstNode | undefined): string[] | undefined {
  const names: string[] = [];
  let node = expression;
  while (node?.type === 'MemberExpression') {
    const property = node.property as AstNode | undefined;
    if (node.computed !== false || property?.type !== 'Identifier' || typeof property.name !== 'string') return undefined;
    names.unshift(property.name);
    node = node.object as AstNode | undefined;
  }
  if (node?.type !== 'Identifier' || typeof node.name !== 'string') return undefined;
  if (node.name === 'this' || node.name === '$index') return undefined;
  names.unshift(node.name);
  return names;
}

/**
 * The names of a tag that is nothing but a path of plain names (`a`, `a.b.c`), from the compiled
 * AST; undefined for anything else (filters, operators, `this`, `$index`, `a[0]`, `a["b"]`).
 */
export function plainPath(ast: unknown): string[] | undefined {
  return pathNames(soleExpression(ast));
}

/** A tag the shortcut can evaluate: a plain path, possibly through one filter with literal arguments. */
export interface QuickTag {
  path: string[];
  filter?: { name: string; args: unknown[] };
}

/**
 * The QuickTag of a compiled tag, or undefined. A filter is the library's FilterExpression (a call
 * marked `filter`), whose first argument is the piped value; the others must be literals.
 */
export function quickTag(ast: unknown): QuickTag | undefined {
  const expression = soleExpression(ast);
  if ((expression?.type === 'FilterExpression' || expression?.type === 'CallExpression') && expression.filter === true) {
    const callee = expression.callee as AstNode | undefined;
    const [piped, ...rest] = (expression.arguments as AstNode[] | undefined) ?? [];
    if (callee?.type !== 'Identifier' || typeof callee.name !== 'string' || !piped) return undefined;
    if (!rest.every((a) => a.type === 'Literal')) return undefined;
    const path = pathNames(piped);
    return path ? { path, filter: { name: callee.name, args: rest.map((a) => a.value) } } : undefined;
  }
  const path = pathNames(expression);
  return path ? { path } : undefined;
}

/** Evaluate a QuickTag with the template's filters (those it was compiled with), or answer SLOW. */
export function evaluateQuick(tag: QuickTag, filters: Readonly<Record<string, unknown>>, scope: unknown, context: LookupContext): unknown {
  const value = lookUpPath(tag.path, scope, context);
  if (value === SLOW || !tag.filter) return value;
  const fn = hasOwn(filters, tag.filter.name) ? filters[tag.filter.name] : undefined;
  if (typeof fn !== 'function') return SLOW;
  // as the library calls a filter: with itself as `this`
  const out: unknown = fn.apply(fn, [value, ...tag.filter.args]);
  return unusual(out) ? SLOW : out;
}

/** Evaluate a plain path (from plainPath) in docxtemplater's scope, or answer SLOW. */
export function lookUpPath(names: readonly string[], scope: unknown, context: LookupContext): unknown {
  const list = context.scopeList;
  if (typeof scope !== 'object' || scope === null) return SLOW;
  for (const s of list) if (typeof s !== 'object' || s === null) return SLOW;
  const root = names[0]!;
  let value: unknown;
  const own = hasOwn(scope, root);
  if (own || list.some((s) => hasOwn(s, root))) {
    const here = own ? (scope as Record<string, unknown>)[root] : undefined;
    if (here !== undefined && here !== null) value = here;
    else {
      value = null;
      for (let i = list.length - 1; i >= 0; i--) {
        const s = list[i] as Record<string, unknown>;
        if (!hasOwn(s, root)) continue;
        const v = s[root];
        if (v !== undefined && v !== null) {
          value = v;
          break;
        }
      }
    }
  }
  if (unusual(value)) return SLOW;
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    value = value !== undefined && value !== null && hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    if (unusual(value)) return SLOW;
  }
  return value;
}
