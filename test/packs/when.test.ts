/** Document conditions, evaluated with the templates' own safe expression parser. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkWhen, documentApplies, evaluateWhen, whenFailure, type ConditionContext } from '../../src/packs/when.js';
import { mergeDocuments } from '../../src/packs/merge.js';
import type { PackManifest } from '../../src/packs/types.js';
import { DEFAULT_DIR, chainOf } from './helpers.js';

const defaults = parse(readFileSync(path.join(DEFAULT_DIR, 'pack.yaml'), 'utf8')) as PackManifest;
const when = (id: string) => defaults.documents![id]!.when ?? null;

const ctx = (triage: Record<string, unknown>, incident: Record<string, unknown> = {}): ConditionContext => ({ triage, incident });

describe('the default pack conditions', () => {
  // [document, context, applies]
  const cases: [string, ConditionContext, boolean][] = [
    ['brief-betrokkene', ctx({ notifyDataSubjects: true }), true],
    ['brief-betrokkene', ctx({ notifyDataSubjects: false }), false],
    ['brief-betrokkene', ctx({ notifyDataSubjects: false }, { communication: { letter_requested: true } }), true],
    ['brief-betrokkene', ctx({ notifyDataSubjects: false }, { communication: { letter_requested: false } }), false],
    ['brief-betrokkene', ctx({ notifyDataSubjects: false }, { communication: {} }), false],
    ['melding-ap', ctx({ notifyAuthority: true, authority: { code: 'AP' } }), true],
    ['melding-ap', ctx({ notifyAuthority: true, authority: { code: 'GBA' } }), false],
    ['melding-ap', ctx({ notifyAuthority: false, authority: { code: 'AP' } }), false],
    ['melding-gba', ctx({ notifyAuthority: true, authority: { code: 'GBA' } }), true],
    ['melding-gba', ctx({ notifyAuthority: true, authority: { code: 'AP' } }), false],
    ['register', ctx({}), true],
  ];
  it.each(cases)('%s with %j: %s', (id, context, applies) => {
    expect(evaluateWhen(when(id), context)).toEqual({ ok: true, value: applies });
  });
});

describe('evaluateWhen', () => {
  it('missing fields are empty, not errors', () => {
    expect(evaluateWhen('incident.communication.letter_requested', {})).toEqual({ ok: true, value: false });
    expect(evaluateWhen('not incident.closed_at', { incident: {} })).toEqual({ ok: true, value: true });
  });

  it('reads only own properties of plain data', () => {
    expect(evaluateWhen('triage.breach.length', { triage: { breach: true } })).toEqual({ ok: true, value: false });
    expect(evaluateWhen('triage.toString', { triage: {} })).toEqual({ ok: true, value: false });
    expect(evaluateWhen('triage.hasOwnProperty', { triage: {} })).toEqual({ ok: true, value: false });
  });

  // what templates may not do, conditions may not either
  const refused: [string, RegExp][] = [
    ['triage.breach = true', /assignments/],
    ['triage.toString()', /function calls/],
    ['triage.constructor', /constructor/],
    ['triage.breach and', /does not parse|Unexpected end/],
    ['[1, 2]', /literals|not allowed/],
    ['x | nietbestaand', /filter/],
  ];
  it.each(refused)('refuses %s', (expression, message) => {
    const v = evaluateWhen(expression, { triage: { breach: true } });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.detail).toMatch(message);
    const c = checkWhen(expression);
    expect(c.ok).toBe(false);
  });

  it('checkWhen lists the paths read', () => {
    expect(checkWhen('triage.notifyAuthority and triage.authority.code == "AP"')).toEqual({ ok: true, paths: ['triage.notifyAuthority', 'triage.authority.code'] });
  });

  it('no condition: always; disabled: never', () => {
    expect(evaluateWhen(null, {})).toEqual({ ok: true, value: true });
    expect(documentApplies({ when: null, disabled: false }, {})).toEqual({ ok: true, value: true });
    expect(documentApplies({ when: 'true', disabled: true }, {})).toEqual({ ok: true, value: false });
  });
});

describe('whenFailure', () => {
  it('points at the when that failed', () => {
    const chain = chainOf([
      { kind: 'organisation', name: 'kantoor', dir: '/p/org', manifest: {} },
      { kind: 'default', name: 'datalek-standaard', version: '1.0.0', dir: '/d', manifest: { documents: { a: { title: 'A', scope: 'incident', when: 'x', formats: ['pdf'], templates: { nl: { md: 'a.md' } } } } } },
    ]);
    const withPos = { ...chain, layers: chain.layers.map((l, i) => (i === 1 ? { ...l, positions: { 'documents.a.when': { line: 7, column: 11 } } } : l)) };
    const doc = mergeDocuments(withPos)[0]!;
    expect(whenFailure(withPos, doc, 'boom', '2026-001')).toMatchObject({
      code: 'DL-PACK-WHEN-FAILED',
      file: '/d/pack.yaml',
      line: 7,
      column: 11,
      field: 'documents.a.when',
      message: "the condition (when) of 'a' could not be evaluated: boom (incident 2026-001)",
    });
  });
});
