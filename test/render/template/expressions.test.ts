import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateError } from '../../../src/render/template/errors.js';
import { analyzeExpression, rewriteWordOperators, scalarText } from '../../../src/render/template/expressions.js';
import { createFilters } from '../../../src/render/template/filters.js';
import { renderText } from '../../../src/render/template/text.js';

const ctx = { templatePath: 'evil.md', incident: '2026-666', escape: (s: string) => s };

function outcome(template: string, data: object = {}): { out?: string; codes?: string[] } {
  try {
    return { out: renderText(template, data, ctx) };
  } catch (e) {
    if (e instanceof TemplateError) return { codes: e.problems.map((p) => p.code) };
    throw e;
  }
}

const FUNCTION_CTOR = Object.getOwnPropertyDescriptor(Function.prototype, 'constructor');
const OBJECT_PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  // nothing a template did may outlive its render
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO_KEYS);
  expect(Object.getOwnPropertyDescriptor(Function.prototype, 'constructor')).toEqual(FUNCTION_CTOR);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('sandbox: templates cannot reach constructors, prototypes, globals or run code', () => {
  it.each([
    // [template, expected code]
    ["{constructor.constructor('return process')()}", 'DL-TEMPLATE-FORBIDDEN'],
    ["{toString.constructor('return process')()}", 'DL-TEMPLATE-FORBIDDEN'],
    ['{"a".constructor.prototype}', 'DL-TEMPLATE-FORBIDDEN'],
    ["{'a'['constructor']['prototype']}", 'DL-TEMPLATE-FORBIDDEN'],
    ['{this.constructor}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{__proto__}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x.__proto__.polluted}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x["__proto__"]}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x.__defineGetter__}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{#constructor}x{/constructor}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x.toString()}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x.name.toUpperCase()}', 'DL-TEMPLATE-FORBIDDEN'],
    ["{x.name.replace('a', 'b')}", 'DL-TEMPLATE-FORBIDDEN'],
    ['{a = 1}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x.name = "overwritten"}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x.__proto__.polluted = 1}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{a = 1; a}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x; x}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{$locals}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{[1, 2]}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{`x`}', 'DL-TEMPLATE-FORBIDDEN'],
    ['{x | constructor}', 'DL-TEMPLATE-UNKNOWN-FILTER'],
    ['{x | toString}', 'DL-TEMPLATE-UNKNOWN-FILTER'],
    ['{x | hasOwnProperty}', 'DL-TEMPLATE-UNKNOWN-FILTER'],
  ])('%s is refused (%s)', (template, code) => {
    const data = { x: { name: 'jan' } };
    const r = outcome(template, data);
    expect(r.codes).toContain(code);
    expect(data).toEqual({ x: { name: 'jan' } });
  });

  it.each([
    '{toString}',
    '{toString.call}',
    '{valueOf}',
    '{hasOwnProperty}',
    '{x.toString}',
    '{x.name.length.constructor2}',
    '{process}',
    '{process.env}',
    '{require}',
    "{require('fs')}",
    '{global}',
    '{globalThis}',
    '{Function}',
    '{Object}',
    '{eval}',
    '{module}',
    '{window}',
    '{setTimeout}',
    '{x["con" + "structor"]}',
    '{x[k]}',
    '{"abc".length.constructor2}',
  ])('%s finds nothing (or is refused): nothing outside the data is reachable', (template) => {
    const r = outcome(template, { x: { name: 'jan' }, k: 'constructor' });
    expect(r.out).toBeUndefined();
    expect(r.codes!.every((c) => ['DL-TEMPLATE-MISSING-VALUE', 'DL-TEMPLATE-FORBIDDEN'].includes(c))).toBe(true);
  });

  it('sections over hidden names are false, not a way in', () => {
    expect(outcome('{#toString}yes{/toString}{#process}yes{/process}{#x.valueOf}yes{/x.valueOf}', { x: {} }).out).toBe('');
  });

  it('a function in the data is never called', () => {
    const f = vi.fn(() => 'called');
    expect(outcome('{f}', { f }).codes).toEqual(['DL-TEMPLATE-FORBIDDEN']);
    expect(outcome('{#f}x{/f}', { f }).codes).toEqual(['DL-TEMPLATE-FORBIDDEN']);
    expect(outcome('{o.f}', { o: { f } }).codes).toEqual(['DL-TEMPLATE-FORBIDDEN']);
    expect(f).not.toHaveBeenCalled();
  });

  it('assignment never writes into the data, even through a section', () => {
    const data = { a: 'x', list: [{ b: 1 }] };
    expect(outcome('{#list}{b = 2}{/list}{a = "y"}', data).codes).toEqual(['DL-TEMPLATE-FORBIDDEN', 'DL-TEMPLATE-FORBIDDEN']);
    expect(data).toEqual({ a: 'x', list: [{ b: 1 }] });
  });

  it('refuses values of the dangerous kinds in data too (global objects)', () => {
    expect(outcome('{g}', { g: globalThis }).codes).toEqual(['DL-TEMPLATE-FORBIDDEN']);
    expect(outcome('{g.process}', { g: globalThis }).codes).toEqual(['DL-TEMPLATE-FORBIDDEN']);
  });
});

describe('the expression language', () => {
  it('word operators outside strings only', () => {
    expect(rewriteWordOperators('a and not b or c')).toBe('a && ! b || c');
    expect(rewriteWordOperators('x == "and or not"')).toBe('x == "and or not"');
    expect(rewriteWordOperators("x == 'it\\'s and'")).toBe("x == 'it\\'s and'");
    expect(rewriteWordOperators('x.and or band')).toBe('x.and || band');
  });

  it('curly quotes from Word are straightened', () => {
    expect(outcome('{#kind == “email”}mail{/}{kind == ‘email’ ? "j" : "n"}', { kind: 'email' }).out).toBe('mailj');
  });

  it('analyzeExpression reports paths and filters', () => {
    const f = createFilters();
    expect(analyzeExpression('incident.aware_at | datum', f)).toEqual({ paths: ['incident.aware_at'], filters: ['datum'] });
    expect(analyzeExpression('count_min | bereik:count_max:"persoon":"personen"', f)).toEqual({
      paths: ['count_min', 'count_max'],
      filters: ['bereik'],
    });
    expect(analyzeExpression('a.b > 100 and not c["d"] or rows[0].x', f)).toEqual({ paths: ['a.b', 'c.d', 'rows[0].x'], filters: [] });
    expect(analyzeExpression('this.x + $index', f)).toEqual({ paths: ['x'], filters: [] });
    expect(analyzeExpression('.', f)).toEqual({ paths: [], filters: [] });
    expect(() => analyzeExpression('({a: 1})', f)).toThrow(/list and object literals/);
  });

  it('scalarText', () => {
    expect(scalarText('x')).toBe('x');
    expect(scalarText(0)).toBe('0');
    expect(scalarText(12.5)).toBe('12.5');
    expect(() => scalarText(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => scalarText(true)).toThrow(/janee/);
    expect(() => scalarText(new Date())).toThrow(/datum/);
    expect(() => scalarText([])).toThrow(/lijst/);
    expect(() => scalarText({})).toThrow(/group of fields/);
  });
});
