/**
 * JSON Schema checking with ajv, turned into diagnostics that point at the exact line and column
 * and say in plain words what is wrong. Works with any JSON Schema 2020-12.
 *
 * - Each schema object is compiled once (module-level cache keyed by the object).
 * - Every ajv error's instancePath is mapped to a position through the yaml nodes; unknown fields
 *   point at the field name, missing fields at the group that should hold them.
 * - anyOf/oneOf: ajv reports every failing branch. We re-run each branch on the value alone,
 *   drop all of that noise, and keep the one branch the value most likely meant (or one merged
 *   message when it fits none, e.g. "must be a date and time ..., or a date ..."). `if` errors are
 *   dropped (the `then`/`else` errors say what is wrong). Then one message per field remains.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic, type DiagnosticCode, type Params } from '../diagnostics/catalogue.js';
import { formatField, parsePointer, typedPath, type Segment } from './paths.js';
import type { Anchor, Locate } from './yaml.js';
import {
  DATE_HINT,
  INSTANT_HINT,
  dateTrouble,
  describeSchema,
  describeValue,
  instantTrouble,
  isObject,
  orList,
  show,
  showBare,
  showFound,
  type SchemaObject,
} from './describe.js';
import { closest } from './suggest.js';
import { EDITOR_KEYWORDS } from './schema-options.js';
import { precompiledValidator } from './precompiled.js';

type AjvClass = typeof import('ajv/dist/2020.js').default;
type Ajv = InstanceType<AjvClass>;
type FormatsPlugin = typeof import('ajv-formats').default;

/**
 * ajv and ajv-formats, loaded on first use: a valid file is checked by the precompiled
 * validators alone (precompiled.ts), and loading ajv took some 40 ms of every command's start.
 * Both are CommonJS: `require` gives module.exports, whose `default` is the export.
 */
let ajvModules: { Ajv2020: AjvClass; addFormats: FormatsPlugin } | undefined;
function ajvLibrary(): { Ajv2020: AjvClass; addFormats: FormatsPlugin } {
  if (!ajvModules) {
    const require = createRequire(import.meta.url);
    const ajv = require('ajv/dist/2020.js') as { default?: AjvClass } & AjvClass;
    const formats = require('ajv-formats') as { default?: FormatsPlugin } & FormatsPlugin;
    ajvModules = { Ajv2020: ajv.default ?? ajv, addFormats: formats.default ?? formats };
  }
  return ajvModules;
}

/** The schema itself could not be compiled: a fault of the tool (or of a schema file), not of the user's YAML. */
export class SchemaCompileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaCompileError';
  }
}

interface Engine {
  ajv: Ajv;
  /**
   * A second instance without strict mode for re-running single anyOf/oneOf branches: a branch
   * such as `{ required: [x] }` is fine inside its parent (which says `type: object`) but fails
   * strictTypes on its own. Both instances share the same schema objects.
   */
  lenient: Ajv;
  validate: ValidateFunction;
  rootId: string;
  root: SchemaObject;
  /** Schema object or array -> its JSON pointer within root. */
  pointers: Map<object, string>;
  branches: Map<string, ValidateFunction | null>;
}

const engines = new WeakMap<object, Engine>();
let engineCount = 0;

function mapPointers(node: unknown, ptr: string, out: Map<object, string>): void {
  if (node === null || typeof node !== 'object' || out.has(node)) return;
  out.set(node, ptr);
  if (Array.isArray(node)) node.forEach((v, i) => mapPointers(v, `${ptr}/${i}`, out));
  else
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum' || k === 'const' || k === 'examples' || k === 'default') continue;
      mapPointers(v, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
}

function engineFor(schema: object): Engine {
  const cached = engines.get(schema);
  if (cached) return cached;
  const { Ajv2020, addFormats } = ajvLibrary();
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // `then: { required: [x] }` without repeating x's definition is normal 2020-12 style.
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true,
    logger: false,
  });
  addFormats(ajv);
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  const own = (schema as SchemaObject).$id;
  const rootId = typeof own === 'string' && own !== '' ? own.replace(/#$/, '') : `https://datalek.invalid/schema-${++engineCount}.json`;
  const root = (typeof own === 'string' && own !== '' ? schema : { ...schema, $id: rootId }) as SchemaObject;
  let validate: ValidateFunction;
  try {
    ajv.addSchema(root);
    const v = ajv.getSchema(rootId);
    if (!v) throw new Error(`schema ${rootId} not found after adding it`);
    validate = v;
  } catch (err) {
    throw new SchemaCompileError(`the schema ${typeof own === 'string' ? own : ''} cannot be compiled: ${(err as Error).message}`, { cause: err });
  }
  const pointers = new Map<object, string>();
  mapPointers(root, '', pointers);
  // The same schema objects, already checked against the meta-schema by `ajv` above: checking
  // them again would compile the meta-schema a second time (about 0.1 s of every run).
  const lenient = new Ajv2020({ validateSchema: false, allErrors: true, strict: false, allowUnionTypes: true, verbose: true, logger: false });
  addFormats(lenient);
  lenient.addVocabulary([...EDITOR_KEYWORDS]);
  lenient.addSchema(root);
  const engine: Engine = { ajv, lenient, validate, rootId, root, pointers, branches: new Map() };
  engines.set(schema, engine);
  return engine;
}

/** Compile a schema once (e.g. at start-up, to fail early on a broken schema). */
export function compileSchema(schema: object): void {
  engineFor(schema);
}

// ---- following $ref -------------------------------------------------------------------------

function pointerGet(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const seg of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[decodeURIComponent(seg)];
  }
  return cur;
}

function resolver(engine: Engine) {
  const resolve = (schema: unknown): unknown => {
    let s = schema;
    for (let i = 0; i < 10 && isObject(s) && typeof s.$ref === 'string'; i++) {
      const ref: string = s.$ref;
      let target: unknown;
      if (ref.startsWith('#')) target = pointerGet(engine.root, ref.slice(1));
      else target = engine.ajv.getSchema(ref)?.schema;
      if (!isObject(target) && typeof target !== 'boolean') return s;
      const { $ref: _drop, ...siblings } = s;
      s = isObject(target) ? { ...target, ...siblings } : target;
    }
    return s;
  };
  return resolve;
}

// ---- issues ---------------------------------------------------------------------------------

interface Issue {
  code: DiagnosticCode;
  /** The field the message is about. */
  path: Segment[];
  /** Where to point (defaults to path). */
  at?: Segment[];
  anchor: Anchor;
  params: Params;
  /** Lower wins when one field has several problems. */
  rank: number;
}

/** Keywords that say nothing about validity: `not: { title: ..., description: ... }` is `not: {}`. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'markdownDescription']);

const RANK: Partial<Record<DiagnosticCode, number>> = {
  'DL-SCHEMA-REQUIRED': 0,
  'DL-SCHEMA-UNKNOWN-FIELD': 0,
  'DL-SCHEMA-TYPE': 0,
  'DL-SCHEMA-CONST': 1,
  'DL-SCHEMA-ENUM': 1,
  'DL-SCHEMA-DEPENDENT': 1,
  'DL-SCHEMA-FORMAT': 2,
  'DL-SCHEMA-PATTERN': 3,
  'DL-SCHEMA-ALTERNATIVES': 4,
  'DL-SCHEMA-RANGE': 5,
  'DL-SCHEMA-LENGTH': 6,
  'DL-SCHEMA-ITEMS': 7,
  'DL-SCHEMA-UNIQUE': 8,
  'DL-SCHEMA-NOT-ALLOWED': 9,
  'DL-SCHEMA-OTHER': 10,
};

function issue(code: DiagnosticCode, path: Segment[], params: Params, anchor: Anchor = 'value', at?: Segment[]): Issue {
  return at ? { code, path, at, anchor, params, rank: RANK[code] ?? 10 } : { code, path, anchor, params, rank: RANK[code] ?? 10 };
}

/** Property names a schema knows, through $ref, allOf, anyOf, oneOf, if/then/else. */
function knownProperties(schema: unknown, resolve: (s: unknown) => unknown, depth = 0, out = new Set<string>()): Set<string> {
  const s = resolve(schema);
  if (!isObject(s) || depth > 6) return out;
  if (isObject(s.properties)) for (const k of Object.keys(s.properties)) out.add(k);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = s[key];
    if (Array.isArray(list)) for (const sub of list) knownProperties(sub, resolve, depth + 1, out);
  }
  for (const key of ['then', 'else']) if (s[key] !== undefined) knownProperties(s[key], resolve, depth + 1, out);
  return out;
}

function typeHint(expected: SchemaObject, data: unknown): string {
  const types = typeof expected.type === 'string' ? [expected.type] : Array.isArray(expected.type) ? (expected.type as string[]) : [];
  if (data === null) return 'Fill in a value after the colon, or remove the line if the field is not needed.';
  if (types.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    // Not the number as read: 01234567 was read as 1234567, and the zero must stay.
    return typeof data === 'number'
      ? 'Put the value in quotes, exactly as you wrote it (leading zeros included), so it is read as text.'
      : `Put the value in quotes so it is read as text: '${String(data)}'.`;
  }
  if (types.includes('boolean') && typeof data === 'string') return 'Write true or false, without quotes.';
  if ((types.includes('integer') || types.includes('number')) && typeof data === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(data)) {
    return 'Write the number without quotes (and with a decimal point, not a comma).';
  }
  if (types.includes('integer') && typeof data === 'number') return 'Write a whole number, without decimals.';
  if (types.includes('array') && !Array.isArray(data)) return "Write a list: one item per line, each starting with '- ', indented under the field.";
  if (types.includes('object') && !isObject(data)) return 'Write the fields of this group on the lines below it, indented, as `name: value`.';
  return '';
}

function isInstantSchema(s: SchemaObject): boolean {
  return s.format === 'date-time';
}

function isDateSchema(s: SchemaObject): boolean {
  return s.format === 'date';
}

/** One ajv error (not anyOf/oneOf/if) as an issue. */
function humanise(e: ErrorObject, root: unknown, resolve: (s: unknown) => unknown): Issue | undefined {
  const path = typedPath(parsePointer(e.instancePath), root);
  const parent = (isObject(e.parentSchema) ? resolve(e.parentSchema) : {}) as SchemaObject;
  const data: unknown = e.data;
  const p = e.params as Record<string, unknown>;
  const expected = () => describeSchema(parent, resolve);
  // The schema's own explanation (Dutch, written for editors), where we have no better hint.
  const described = typeof parent.description === 'string' ? parent.description : '';
  switch (e.keyword) {
    case 'type':
      return issue('DL-SCHEMA-TYPE', path, { expected: expected(), found: describeValue(data), hint: typeHint(parent, data) });
    case 'enum': {
      const allowed = (Array.isArray(e.schema) ? e.schema : []) as unknown[];
      const strings = allowed.filter((a): a is string => typeof a === 'string');
      const guess = typeof data === 'string' ? closest(data, strings) : undefined;
      return issue('DL-SCHEMA-ENUM', path, {
        allowed: allowed.map(showBare).join(', '),
        found: showFound(data),
        suggestion: guess ? `; did you mean '${guess}'?` : '',
      });
    }
    case 'const':
      return issue('DL-SCHEMA-CONST', path, { expected: show(p.allowedValue), found: showFound(data) });
    case 'format':
    case 'pattern': {
      if (isInstantSchema(parent) || p.format === 'date-time') {
        return issue('DL-SCHEMA-FORMAT', path, { expected: expected(), found: showFound(data), detail: instantTrouble(data), hint: INSTANT_HINT });
      }
      if (isDateSchema(parent) || p.format === 'date') {
        return issue('DL-SCHEMA-FORMAT', path, { expected: expected(), found: showFound(data), detail: dateTrouble(data), hint: DATE_HINT });
      }
      if (e.keyword === 'format') {
        return issue('DL-SCHEMA-FORMAT', path, { expected: expected(), found: showFound(data), detail: '', hint: described });
      }
      const ex = Array.isArray(parent.examples) && parent.examples.length ? ` (e.g. ${showBare(parent.examples[0])})` : '';
      return issue('DL-SCHEMA-PATTERN', path, {
        example: ex,
        found: showFound(data),
        hint: described || (ex ? '' : `The value must match the pattern ${String(p.pattern)}.`),
      });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return issue('DL-SCHEMA-RANGE', path, { expected: expected(), found: showFound(data) });
    case 'minLength': {
      const limit = Number(p.limit);
      const len = typeof data === 'string' ? [...data].length : 0;
      return limit <= 1
        ? issue('DL-SCHEMA-LENGTH', path, { detail: 'must not be empty', hint: 'Fill in the text, or remove the line if the field is not needed.' })
        : issue('DL-SCHEMA-LENGTH', path, { detail: `must be at least ${limit} characters long (found ${len})`, hint: described });
    }
    case 'maxLength': {
      const len = typeof data === 'string' ? [...data].length : 0;
      return issue('DL-SCHEMA-LENGTH', path, { detail: `must be at most ${String(p.limit)} characters long (found ${len})`, hint: 'Shorten the text.' });
    }
    case 'minItems': {
      const limit = Number(p.limit);
      const len = Array.isArray(data) ? data.length : 0;
      return limit <= 1
        ? issue('DL-SCHEMA-ITEMS', path, {
            detail: 'must list at least one item',
            hint: "Add an item on a line starting with '- ', or remove the field if it is not needed.",
          })
        : issue('DL-SCHEMA-ITEMS', path, { detail: `must list at least ${limit} items (found ${len})`, hint: '' });
    }
    case 'maxItems': {
      const len = Array.isArray(data) ? data.length : 0;
      return issue('DL-SCHEMA-ITEMS', path, { detail: `may list at most ${String(p.limit)} items (found ${len})`, hint: 'Remove items.' });
    }
    case 'contains':
    case 'minContains':
    case 'maxContains':
      return issue('DL-SCHEMA-ITEMS', path, { detail: `must include ${describeSchema(e.schema, resolve)}`, hint: '' });
    case 'uniqueItems': {
      const i = Math.max(Number(p.i), Number(p.j));
      const j = Math.min(Number(p.i), Number(p.j));
      const item = Array.isArray(data) ? showFound(data[i]) : 'an item';
      return issue('DL-SCHEMA-UNIQUE', [...path, i], { item, other: formatField([...path, j]) });
    }
    case 'required': {
      const prop = String(p.missingProperty);
      const props = isObject(parent.properties) ? parent.properties : {};
      const sub = resolve(props[prop]);
      const title = isObject(sub) && typeof sub.title === 'string' ? ` (${sub.title})` : '';
      const where = formatField(path);
      return issue(
        'DL-SCHEMA-REQUIRED',
        [...path, prop],
        { title, hint: `Add '${prop}:' ${where ? `under '${where}:'` : 'at the top level'}.` },
        'key',
        path,
      );
    }
    case 'dependentRequired':
    case 'dependencies': {
      const prop = String(p.property);
      const missing = String(p.missingProperty);
      return issue('DL-SCHEMA-DEPENDENT', [...path, missing], { property: prop, missing }, 'key', [...path, prop]);
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      const known = [...knownProperties(parent, resolve)];
      const guess = closest(key, known);
      const list = known.length && known.length <= 30 ? ` Known fields here: ${known.join(', ')}.` : '';
      return issue(
        'DL-SCHEMA-UNKNOWN-FIELD',
        [...path, key],
        { suggestion: guess ? `; did you mean '${guess}'?` : '', hint: `Check the spelling, or remove the field.${list}` },
        'key',
      );
    }
    case 'propertyNames': {
      const name = String(p.propertyName);
      return issue('DL-SCHEMA-NOT-ALLOWED', [...path, name], { detail: `the field name '${name}' is not allowed here`, hint: '' }, 'key');
    }
    case 'not': {
      const inner = resolve(e.schema);
      if (isObject(inner) && Array.isArray(inner.required) && isObject(data)) {
        const present = (inner.required as string[]).filter((k) => k in data);
        if (present.length === 1) {
          return issue('DL-SCHEMA-NOT-ALLOWED', [...path, present[0]!], { detail: 'must not be given here', hint: 'Remove this field.' }, 'key');
        }
        return issue('DL-SCHEMA-NOT-ALLOWED', path, { detail: `${orList(present).replace(/, or /, ' and ')} may not be given together`, hint: '' });
      }
      if (inner === true || (isObject(inner) && Object.keys(inner).every((k) => ANNOTATIONS.has(k)))) {
        // `not: {}`: the field may not appear here at all; the schema's own title and
        // description (written for this case) explain why.
        const title = typeof parent.title === 'string' ? ` (${parent.title})` : '';
        const hint = typeof parent.description === 'string' ? parent.description : 'Remove this field.';
        return issue('DL-SCHEMA-NOT-ALLOWED', path, { detail: `is not allowed here${title}`, hint }, 'key');
      }
      if (isObject(inner) && ('const' in inner || Array.isArray(inner.enum))) {
        return issue('DL-SCHEMA-NOT-ALLOWED', path, { detail: `must not be ${describeSchema(inner, resolve).replace(/^exactly /, '')}`, hint: '' });
      }
      const title = isObject(inner) && typeof inner.title === 'string' ? `: ${inner.title}` : '';
      const hint = isObject(inner) && typeof inner.description === 'string' ? inner.description : typeof parent.description === 'string' ? parent.description : '';
      if (isObject(inner) && typeof inner.pattern === 'string' && !title) {
        return issue('DL-SCHEMA-NOT-ALLOWED', path, { detail: `must not match the pattern ${inner.pattern}`, hint });
      }
      return issue('DL-SCHEMA-NOT-ALLOWED', path, { detail: `is not allowed${title || ' in this combination'}`, hint });
    }
    case 'false schema':
      return issue('DL-SCHEMA-NOT-ALLOWED', path, { detail: 'is not allowed here', hint: 'Remove this field.' }, 'key');
    case 'if':
      return undefined;
    default:
      return issue('DL-SCHEMA-OTHER', path, { detail: e.message ?? `fails the schema check '${e.keyword}'` });
  }
}

// ---- anyOf / oneOf --------------------------------------------------------------------------

const schemaIds = new WeakMap<object, number>();
let schemaIdCount = 0;
function identity(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  let id = schemaIds.get(v);
  if (id === undefined) schemaIds.set(v, (id = ++schemaIdCount));
  return `#${id}`;
}
const errorKey = (e: ErrorObject) => `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}\u0000${identity(e.parentSchema)}`;

function encodePointer(ptr: string): string {
  return parsePointer(ptr)
    .map((s) => '/' + encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('');
}

/** Errors of each branch of a failed anyOf/oneOf, run on the value alone, with full instance paths. */
function runBranches(e: ErrorObject, engine: Engine): ErrorObject[][] | undefined {
  const branches = e.schema;
  if (!Array.isArray(branches)) return undefined;
  const ptr = engine.pointers.get(branches);
  if (ptr === undefined) return undefined;
  const runs: ErrorObject[][] = [];
  for (let k = 0; k < branches.length; k++) {
    const key = `${ptr}/${k}`;
    let v = engine.branches.get(key);
    if (v === undefined) {
      try {
        v = engine.lenient.compile({ $ref: `${engine.rootId}#${encodePointer(key)}` });
      } catch {
        v = null;
      }
      engine.branches.set(key, v);
    }
    if (v === null) return undefined;
    if (v(e.data)) return undefined; // a branch passes alone: let the raw errors speak
    runs.push((v.errors ?? []).map((x) => ({ ...x, instancePath: e.instancePath + x.instancePath })));
  }
  return runs;
}

const MISMATCH = new Set(['type', 'const', 'enum', 'false schema']);
const depthOf = (pointer: string) => (pointer === '' ? 0 : pointer.split('/').length - 1);

function chooseBranch(e: ErrorObject, runs: ErrorObject[][], engine: Engine, root: unknown, depth: number): Issue[] {
  const resolve = resolver(engine);
  const P = e.instancePath;
  const branches = e.schema as unknown[];
  const path = typedPath(parsePointer(P), root);
  const info = runs.map((run, k) => {
    const real = run.filter((x) => x.keyword !== 'if' && x.keyword !== 'anyOf' && x.keyword !== 'oneOf');
    const top = real.filter((x) => x.instancePath === P);
    const typeAtTop = top.some((x) => MISMATCH.has(x.keyword));
    // A property with a const (a discriminator such as `kind: supplement`) that does not match.
    const discriminator = real.some((x) => x.keyword === 'const' && depthOf(x.instancePath) === depthOf(P) + 1 && x.instancePath.startsWith(P + '/'));
    return {
      k,
      run,
      real,
      mismatch: typeAtTop || discriminator,
      typeAtTop: top.some((x) => x.keyword === 'type'),
      deeper: real.some((x) => x.instancePath !== P),
      onlyRequired: real.length > 0 && real.every((x) => x.keyword === 'required' && x.instancePath === P),
      onlyFormat: real.length > 0 && real.every((x) => (x.keyword === 'format' || x.keyword === 'pattern') && x.instancePath === P),
    };
  });
  const found = describeValue(e.data);
  const candidates = info.filter((x) => !x.mismatch);

  if (candidates.length === 0) {
    const expected = orList(branches.map((b) => describeSchema(b, resolve)));
    if (info.every((x) => x.typeAtTop)) {
      const firstType = info[0]?.real.find((x) => x.keyword === 'type');
      const hint = firstType && isObject(firstType.parentSchema) ? typeHint(resolve(firstType.parentSchema) as SchemaObject, e.data) : '';
      return [issue('DL-SCHEMA-TYPE', path, { expected, found, hint })];
    }
    return [issue('DL-SCHEMA-ALTERNATIVES', path, { detail: `must be ${expected}; found ${showFound(e.data)}`, hint: '' })];
  }
  if (candidates.length > 1 && candidates.every((x) => x.onlyRequired)) {
    const alts = candidates.map((x) => {
      const b = resolve(branches[x.k]);
      const req = isObject(b) && Array.isArray(b.required) ? (b.required as string[]) : x.real.map((r) => String(r.params.missingProperty));
      return req.length === 2 ? `both ${req[0]} and ${req[1]}` : req.join(' and ');
    });
    const where = formatField(path);
    return [
      issue(
        'DL-SCHEMA-ALTERNATIVES',
        path,
        { detail: `needs ${orList(alts)}`, hint: `Add the missing field${where ? ` under '${where}:'` : ''}.` },
        'key',
      ),
    ];
  }
  if (candidates.length > 1 && candidates.every((x) => x.onlyFormat)) {
    const expected = orList(candidates.map((x) => describeSchema(branches[x.k], resolve)));
    const kinds = candidates.map((x) => resolve(branches[x.k])).filter(isObject);
    const instant = kinds.some(isInstantSchema);
    const date = kinds.some(isDateSchema);
    const looksLikeDate = typeof e.data === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(e.data);
    const [detail, hint] =
      date && (looksLikeDate || !instant) ? [dateTrouble(e.data), DATE_HINT] : instant ? [instantTrouble(e.data), INSTANT_HINT] : ['', ''];
    return [issue('DL-SCHEMA-FORMAT', path, { expected, found: showFound(e.data), detail, hint })];
  }
  // The branch that got furthest: fewest problems, ties to the earlier branch.
  const best = candidates.reduce((a, b) => (b.real.length < a.real.length ? b : a));
  return normalise(best.run, engine, root, depth + 1);
}

function normalise(errors: ErrorObject[], engine: Engine, root: unknown, depth: number): Issue[] {
  const resolve = resolver(engine);
  const dropped = new Set<ErrorObject>();
  const issues: Issue[] = [];
  for (let i = errors.length - 1; i >= 0; i--) {
    const e = errors[i]!;
    if (dropped.has(e)) continue;
    if (e.keyword === 'if') {
      dropped.add(e);
      continue;
    }
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    dropped.add(e);
    const path = typedPath(parsePointer(e.instancePath), root);
    if (e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas)) {
      issues.push(issue('DL-SCHEMA-ALTERNATIVES', path, { detail: 'fits more than one of the allowed forms; it must fit exactly one', hint: '' }));
      continue;
    }
    const runs = depth < 8 ? runBranches(e, engine) : undefined;
    if (runs) {
      const noise = new Set(runs.flat().map(errorKey));
      for (let j = 0; j < i; j++) if (noise.has(errorKey(errors[j]!))) dropped.add(errors[j]!);
      issues.push(...chooseBranch(e, runs, engine, root, depth));
    } else {
      // Fallback: drop the branch errors just before it (same value or below) and say what fits.
      for (let j = i - 1; j >= 0; j--) {
        const x = errors[j]!;
        if (x.instancePath === e.instancePath || x.instancePath.startsWith(e.instancePath + '/')) dropped.add(x);
        else break;
      }
      const expected = Array.isArray(e.schema) ? orList(e.schema.map((b) => describeSchema(b, resolve))) : 'one of the allowed forms';
      issues.push(issue('DL-SCHEMA-ALTERNATIVES', path, { detail: `must be ${expected}; found ${showFound(e.data)}`, hint: '' }));
    }
  }
  for (const e of errors) {
    if (dropped.has(e)) continue;
    const is = humanise(e, root, resolve);
    if (is) issues.push(is);
  }
  return issues;
}

// ---- entry point ----------------------------------------------------------------------------

/**
 * Check a value against a schema; diagnostics point into the file through `locate`.
 * One diagnostic per field: the most telling problem wins (wrong kind before wrong value before
 * wrong form before out of range).
 */
export function checkSchema(schema: object, value: unknown, file: string, locate: Locate): Diagnostic[] {
  // A valid value needs no engine: the build's precompiled validator says so (precompiled.ts).
  if (precompiledValidator(schema)?.(value) === true) return [];
  const engine = engineFor(schema);
  if (engine.validate(value)) return [];
  const errors = [...(engine.validate.errors ?? [])];
  const issues = normalise(errors, engine, value, 0);
  const best = new Map<string, Issue>();
  for (const is of issues) {
    const key = formatField(is.path);
    const prev = best.get(key);
    if (!prev || is.rank < prev.rank) best.set(key, is);
  }
  const out: Diagnostic[] = [];
  for (const [field, is] of best) {
    const pos = locate(is.at ?? is.path, is.anchor);
    out.push(makeDiagnostic(is.code, { file, line: pos.line, column: pos.column, field }, is.params));
  }
  return out;
}

