/**
 * The `when` condition of a document: an expression in the template language, evaluated with the
 * same safe parser as the templates (src/render/template/expressions.ts, `createParser`), so a
 * pack cannot do in a condition what it cannot do in a template (no calls, no assignment, own
 * properties of plain data only).
 *
 * The condition is evaluated HERE (`evaluateWhen`, `documentApplies`), not by the caller, against
 * a small condition context the caller builds, separate from the template data:
 *
 *   { triage: <the raw triage Outcome>, incident: <the raw Incident>, organisation: <Organisation> }
 *
 * e.g. `triage.notifyDataSubjects or incident.communication.letter_requested`,
 * `triage.notifyAuthority and triage.authority.code == "AP"`. A missing field reads as empty
 * (falsy), never as an error. The result is JavaScript truthiness. No `when`: always true.
 * Pure.
 */
import type { DXT } from 'docxtemplater';
import { analyzeExpression, createParser } from '../render/template/expressions.js';
import { createFilters, type FilterSet } from '../render/template/filters.js';
import { ExpressionProblem } from '../render/template/errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import type { DocumentSpec, PackChain } from './types.js';
import { layerPosition } from './where.js';

/** The names a condition can start with. */
export const CONDITION_ROOTS = ['triage', 'incident', 'organisation'] as const;

export interface ConditionContext {
  triage?: unknown;
  incident?: unknown;
  organisation?: unknown;
}

export type WhenCheck = { ok: true; paths: string[] } | { ok: false; detail: string };
export type WhenValue = { ok: true; value: boolean } | { ok: false; detail: string };

let filters: FilterSet | undefined;
const theFilters = (): FilterSet => (filters ??= createFilters());

function explain(e: unknown): string {
  if (e instanceof ExpressionProblem) return e.message;
  const err = e as { properties?: { explanation?: unknown; rootError?: { message?: unknown } }; message?: unknown };
  const root = err?.properties?.rootError?.message;
  if (typeof root === 'string' && root) return root;
  const expl = err?.properties?.explanation;
  if (typeof expl === 'string' && expl) return expl;
  return typeof err?.message === 'string' ? err.message : String(e);
}

/** Does the condition parse (and use only what templates may)? Returns the data paths it reads. */
export function checkWhen(expression: string): WhenCheck {
  try {
    return { ok: true, paths: analyzeExpression(expression, theFilters()).paths };
  } catch (e) {
    return { ok: false, detail: explain(e) };
  }
}

let parser: ReturnType<typeof createParser> | undefined;
/**
 * Checked and compiled conditions by expression: a pack has a handful, evaluated once per
 * incident and document. Checking a condition compiles it: done for every evaluation, that took
 * 0.1 s of a build of 1,000 incidents.
 */
const checkedConditions = new Map<string, WhenCheck>();
const compiledConditions = new Map<string, DXT.Parser>();

/** A section part, so the parser returns the raw value (not the printed text of a placeholder). */
const CONDITION_PART = { type: 'placeholder', module: 'loop', value: '' } as unknown as DXT.Part;

/** Evaluate a condition against the condition context; null or '' means always. */
export function evaluateWhen(expression: string | null | undefined, context: ConditionContext): WhenValue {
  if (expression === null || expression === undefined || expression.trim() === '') return { ok: true, value: true };
  let checked = checkedConditions.get(expression);
  if (!checked) {
    checked = checkWhen(expression);
    if (checkedConditions.size < 500) checkedConditions.set(expression, checked);
  }
  if (!checked.ok) return checked;
  try {
    let compiled = compiledConditions.get(expression);
    if (!compiled) {
      compiled = (parser ??= createParser({ filters: theFilters() }))(expression, { tag: { ...CONDITION_PART, value: expression } as DXT.Part });
      if (compiledConditions.size < 500) compiledConditions.set(expression, compiled);
    }
    const scope = context as unknown;
    const parserContext = { num: 0, scopeList: [scope], scopePath: [], scopePathItem: [], scopePathLength: [], scopeTypes: [] };
    const value: unknown = compiled.get(scope, parserContext as unknown as DXT.ParserContext);
    return { ok: true, value: Boolean(value) };
  } catch (e) {
    return { ok: false, detail: explain(e) };
  }
}

/** Whether a document applies: its `when` against the context (disabled documents never apply). */
export function documentApplies(doc: Pick<DocumentSpec, 'when' | 'disabled'>, context: ConditionContext): WhenValue {
  if (doc.disabled) return { ok: true, value: false };
  return evaluateWhen(doc.when, context);
}

/**
 * The diagnostic for a condition that could not be evaluated (DL-PACK-WHEN-FAILED), pointing at
 * the `when` in the pack.yaml that set it; `incident` is added to the message when given.
 */
export function whenFailure(chain: PackChain, doc: DocumentSpec, detail: string, incident?: string): Diagnostic {
  const who = doc.provenance.when ?? doc.origin;
  const field = `documents.${doc.id}.when`;
  const at = layerPosition(chain, chain.layers[who.index]!, field);
  return makeDiagnostic('DL-PACK-WHEN-FAILED', { ...at, field }, { id: doc.id, detail: incident ? `${detail} (incident ${incident})` : detail });
}
