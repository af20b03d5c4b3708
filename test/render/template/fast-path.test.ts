/**
 * The shortcut for plain-path tags must give exactly what docxtemplater's expressions.js gives,
 * on any data and loop stack, or decline (SLOW). Compared here against the library itself.
 */
import fc from 'fast-check';
import expressionsModule from 'docxtemplater/expressions.js';
import { describe, expect, it } from 'vitest';
import { evaluateQuick, lookUpPath, plainPath, quickTag, SLOW } from '../../../src/render/template/fast-path.js';
import { createParser } from '../../../src/render/template/expressions.js';
import { createFilters } from '../../../src/render/template/filters.js';
import { renderText } from '../../../src/render/template/text.js';

const FILTERS: Record<string, (...args: unknown[]) => unknown> = {
  upper: (s: unknown) => String(s).toUpperCase(),
  mee: function (this: unknown, v: unknown, ...args: unknown[]) {
    return JSON.stringify([v === undefined ? 'undefined' : v, this === FILTERS.mee, ...args]);
  },
  boos: (v: unknown) => {
    if (v === null) throw new Error('geen waarde');
    return 'ok';
  },
  wereld: () => globalThis,
};

type Compiled = { get(scope: unknown, context: unknown): unknown; compiled: { ast: unknown } };
const library = ((expressionsModule as unknown as { default?: { configure(o: object): (tag: string) => Compiled } }).default ??
  (expressionsModule as unknown as { configure(o: object): (tag: string) => Compiled })).configure({ filters: FILTERS });

const NAMES = ['a', 'b', 'naam', 'length', 'toString', 'valueOf', 'hasOwnProperty', 'x_1'];

describe('plainPath', () => {
  it.each([
    ['a', ['a']],
    ['incident.titel', ['incident', 'titel']],
    ['a.b.length', ['a', 'b', 'length']],
    ['$index', undefined],
    ['this', undefined],
    ['this.a', undefined],
    ['a[0]', undefined],
    ['a["b"]', undefined],
    ['a | upper', undefined],
    ['a + b', undefined],
    ['!a', undefined],
    ['a; b', undefined],
    ['"a"', undefined],
    ['a.b == c', undefined],
  ])('%s', (tag, names) => {
    expect(plainPath(library(tag).compiled.ast)).toEqual(names);
  });
});

describe('quickTag', () => {
  it.each([
    ['a', { path: ['a'] }],
    ['a.b | upper', { path: ['a', 'b'], filter: { name: 'upper', args: [] } }],
    ['a | mee:"x":2:true:null', { path: ['a'], filter: { name: 'mee', args: ['x', 2, true, null] } }],
    ['a | mee:b', undefined],
    ['a | mee:-1', undefined],
    ['a | upper | upper', undefined],
    ['(a + b) | upper', undefined],
    ['this | upper', undefined],
  ])('%s', (tag, quick) => {
    expect(quickTag(library(tag).compiled.ast)).toEqual(quick);
  });
});

describe('lookUpPath gives what the library gives', () => {
  const leaf = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(() => 'function'),
  );
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, leaf, tie('obj'), tie('arr')),
    obj: fc.dictionary(fc.constantFrom(...NAMES), tie('v'), { maxKeys: 4 }),
    arr: fc.array(tie('v'), { maxLength: 3 }),
  })).v;
  // Scopes as docxtemplater passes them: mostly objects, sometimes a primitive loop item.
  const scope = fc.oneof({ weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 5 }) }, { weight: 1, arbitrary: value });
  const path = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 });

  it('on random data, loop stacks and paths (or it declines)', () => {
    let answered = 0;
    let found = 0;
    fc.assert(
      fc.property(path, fc.array(scope, { minLength: 1, maxLength: 4 }), fc.boolean(), (names, list, inherit) => {
        if (inherit) {
          // an inherited property must not be found (only own properties count)
          const base = list[0];
          if (typeof base === 'object' && base !== null) list[0] = Object.create(base as object);
        }
        const current = list[list.length - 1];
        const context = { scopeList: list, num: list.length - 1, scopePath: [], scopePathItem: [], scopeTypes: [] };
        const tag = names.join('.');
        const compiled = library(tag);
        expect(plainPath(compiled.compiled.ast)).toEqual(names);
        const quick = lookUpPath(names, current, context);
        if (quick === SLOW) return;
        answered++;
        if (quick !== undefined && quick !== null) found++;
        const slow = compiled.get(current, context);
        expect(quick).toStrictEqual(slow);
      }),
      { numRuns: 3000 },
    );
    // the comparison is not vacuous: most cases are answered, many with a value
    expect(answered).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(100);
  });

  it('through a filter too, errors included', () => {
    const outcome = (f: () => unknown): string => {
      try {
        return JSON.stringify(['ok', f()]);
      } catch (e) {
        return JSON.stringify(['error', (e as Error).message]);
      }
    };
    fc.assert(
      fc.property(path, scope, fc.constantFrom('upper', 'mee', 'boos', 'wereld'), fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.nat(), fc.constant(null)), { maxLength: 2 }), (names, current, filter, args) => {
        const tag = `${names.join('.')} | ${filter}${args.map((a) => `:${JSON.stringify(a)}`).join('')}`;
        const compiled = library(tag);
        const quick = quickTag(compiled.compiled.ast);
        expect(quick?.path).toEqual(names);
        const context = { scopeList: [current], num: 0, scopePath: [], scopePathItem: [], scopeTypes: [] };
        let answered: unknown = SLOW;
        const fast = outcome(() => (answered = evaluateQuick(quick!, FILTERS, current, context)));
        if (answered === SLOW && !fast.startsWith('["error"')) return;
        expect(fast).toBe(outcome(() => compiled.get(current, context)));
      }),
      { numRuns: 1500 },
    );
  });

  it('declines functions, the global object and primitive scopes', () => {
    const ctx = (list: unknown[]) => ({ scopeList: list });
    expect(lookUpPath(['f'], { f: () => 1 }, ctx([{ f: () => 1 }]))).toBe(SLOW);
    expect(lookUpPath(['g', 'x'], { g: globalThis }, ctx([{ g: globalThis }]))).toBe(SLOW);
    expect(lookUpPath(['length'], 'abc', ctx(['abc']))).toBe(SLOW);
    expect(lookUpPath(['a'], { a: 1 }, ctx([null, { a: 1 }]))).toBe(SLOW);
    expect(lookUpPath(['a', 'b'], { a: { b: 'x' } }, ctx([{ a: { b: 'x' } }]))).toBe('x');
  });
});

describe('the parser with the shortcut', () => {
  it('renders paths as before: outer scopes, null fallbacks, own properties only', () => {
    const data = { naam: 'Buiten', extra: 'E', lijst: [{ naam: 'Binnen' }, { extra: 'eigen' }, { naam: null }] };
    const plain = { templatePath: 't.md', escape: (s: string) => s };
    expect(renderText('{#lijst}[{naam}|{extra}]{/lijst}', data, plain)).toBe('[Binnen|E][Buiten|eigen][Buiten|E]');
    expect(() => renderText('{naam.toString}', data, plain)).toThrow(); // not an own property: missing
    expect(renderText('{naam.length}', data, plain)).toBe('6');
  });

  it('still refuses a function value and still prints numbers', () => {
    const parser = createParser({ filters: createFilters({ zone: 'Europe/Amsterdam' }) });
    const ctx = (scope: unknown) => ({ scopeList: [scope], num: 0, scopePath: [], scopePathItem: [], scopeTypes: [] }) as never;
    expect(() => parser('f').get({ f: () => 'x' }, ctx({ f: () => 'x' }))).toThrow(/function/);
    expect(parser('n').get({ n: 12 }, ctx({ n: 12 }))).toBe('12');
    expect(parser('a.b').get({ a: Object.create({ b: 'geërfd' }) }, ctx({ a: Object.create({ b: 'geërfd' }) }))).toBeUndefined();
  });
});
