/**
 * The per-file validation cache (src/validate/file-cache.ts), without any file system: a result
 * from the cache is the result without it, to the position; an edited file is checked again;
 * an entry for another key, another schema, another salt or a damaged entry is not used; a value
 * that JSON cannot give back exactly is not cached.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/load/sources.js';
import type { SourceFile } from '../../src/load/sources.js';
import { validateSources, type ValidationResult } from '../../src/validate/index.js';
import { FileCheckCache, fileKey, isJsonExact, type StoredEntry } from '../../src/validate/file-cache.js';
import { defaultSchema } from '../../src/validate/schemas.js';
import { cleanTemp } from '../cli/helpers.js';
import { CASES, baseIncident } from '../hostile/cases.js';
import { projectWith } from '../hostile/harness.js';
import { FIXTURES, fixture, NOW, source } from './helpers.js';

afterAll(cleanTemp);

const REPO = path.resolve(FIXTURES, '../../..');
const INCIDENT = 'incidents/kantoor-linde/2026-001.yaml';
const ORGS = ['kantoor-linde', 'hoek-verzekeringen', 'atelier-maes'];
const orgSources = (): SourceFile[] => ORGS.map((id) => source(`templates/${id}/organisation.yaml`, fixture(`project/templates/${id}/organisation.yaml`), 'organisation'));
const incidentText = (): string => fixture(`project/${INCIDENT}`);

/** Validate without a cache, with an empty one, and with one filled by the previous run; all three must agree. */
function threeWays(sources: readonly SourceFile[], opts: { now?: Date } = {}) {
  const now = opts.now ?? NOW;
  const plain = validateSources(sources, { now });
  const cold = new FileCheckCache();
  const first = validateSources(sources, { now, cache: cold });
  const warm = new FileCheckCache(cold.entries());
  const second = validateSources(sources, { now, cache: warm });
  return { plain, first, second, cold, warm };
}

/** Equal as data and as JSON text (the same key order, no -0 turned into 0). */
function expectSame(a: ValidationResult, b: ValidationResult, label = ''): void {
  expect(b, label).toEqual(a);
  expect(JSON.stringify(b), label).toBe(JSON.stringify(a));
}

describe('a result from the cache is the result without it', () => {
  it('for the example project of the repository (valid incidents, warnings)', async () => {
    const { sources } = await readSources(REPO);
    expect(sources.length).toBeGreaterThan(10);
    const { plain, first, second, cold, warm } = threeWays(sources);
    expectSame(plain, first);
    expectSame(plain, second);
    expect(cold.stats).toMatchObject({ hits: 0, misses: sources.length, uncacheable: 0 });
    expect(warm.stats).toMatchObject({ hits: sources.length, misses: 0 });
    // The warm run reports nothing no earlier run had asked a position for.
    expect(warm.stats.parsedForPositions).toBe(0);
  });

  it('for the broken fixture project (errors of every kind, each with its position)', async () => {
    const { sources } = await readSources(path.join(FIXTURES, 'broken'));
    const { plain, first, second, warm } = threeWays(sources);
    expect(plain.diagnostics.length).toBeGreaterThan(20);
    expectSame(plain, first);
    expectSame(plain, second);
    expect(warm.stats.hits).toBe(sources.length);
  });

  it('for every hostile incident and organisation case (except the heavy ones)', async () => {
    const cases = CASES.filter((c) => c.kind !== 'template' && !c.heavy);
    expect(cases.length).toBeGreaterThan(50);
    for (const c of cases) {
      const { sources } = await readSources(projectWith(c));
      const { plain, first, second } = threeWays(sources);
      expectSame(plain, first, c.name);
      expectSame(plain, second, c.name);
    }
  });

  it('a rule that reports on cached files points where it does without the cache (duplicate id)', () => {
    // Two files with the same id, the second with extra lines on top so its `id` sits lower.
    const other = 'incidents/kantoor-linde/2026-001-b.yaml';
    const sources = [...orgSources(), source(INCIDENT, incidentText()), source(other, '# een\n# twee\n# drie\n' + incidentText())];
    const { plain, second, warm } = threeWays(sources);
    const dup = plain.diagnostics.filter((d) => d.code === 'DL-RULE-DUPLICATE-ID');
    expect(dup.map((d) => [d.file, d.field])).toEqual([
      [other, 'id'],
      [INCIDENT, 'id'],
    ]);
    expect(dup[0]!.line).toBe(dup[1]!.line + 3);
    expectSame(plain, second);
    expect(warm.stats.hits).toBe(sources.length);
    expect(warm.stats.parsedForPositions).toBe(0);
  });

  it('a position no earlier run asked for is found by parsing the file then, once', () => {
    const other = 'incidents/kantoor-linde/2026-001-b.yaml';
    const sources = [...orgSources(), source(INCIDENT, incidentText()), source(other, '# een\n\n' + incidentText())];
    // Filled by a run without rules: no positions remembered.
    const cold = new FileCheckCache();
    validateSources(sources, { now: NOW, cache: cold, rules: [] });
    const warm = new FileCheckCache(cold.entries());
    const plain = validateSources(sources, { now: NOW });
    const cached = validateSources(sources, { now: NOW, cache: warm });
    expectSame(plain, cached);
    expect(plain.diagnostics.some((d) => d.code === 'DL-RULE-DUPLICATE-ID' && d.line > 1)).toBe(true);
    expect(warm.stats).toMatchObject({ hits: sources.length, parsedForPositions: 2 });
    // Those positions are remembered for the next run.
    const third = new FileCheckCache(warm.entries());
    expectSame(plain, validateSources(sources, { now: NOW, cache: third }));
    expect(third.stats.parsedForPositions).toBe(0);
  });

  it('rules that depend on now still run on cached files', () => {
    const sources = [...orgSources(), source(INCIDENT, incidentText())];
    const cold = new FileCheckCache();
    const early = validateSources(sources, { now: new Date('2026-03-02T12:00:00+01:00'), cache: cold });
    const later = validateSources(sources, { now: NOW, cache: new FileCheckCache(cold.entries()) });
    expectSame(validateSources(sources, { now: new Date('2026-03-02T12:00:00+01:00') }), early);
    expectSame(validateSources(sources, { now: NOW }), later);
    expect(early.diagnostics).not.toEqual(later.diagnostics);
  });
});

describe('what is not used', () => {
  const sources = (): SourceFile[] => [...orgSources(), source(INCIDENT, incidentText())];
  const filled = (list = sources()): FileCheckCache => {
    const c = new FileCheckCache();
    validateSources(list, { now: NOW, cache: c });
    return c;
  };
  const withEntry = (c: FileCheckCache, file: string, change: (e: StoredEntry) => StoredEntry): [string, StoredEntry][] =>
    c.entries().map(([f, e]) => [f, f === file ? change(e) : e]);

  it('an edited file is checked again, the others come from the cache', () => {
    const list = sources();
    const c = filled(list);
    const edited = list.map((s) => (s.file === INCIDENT ? { ...s, text: s.text.replace(/^id: .*$/m, 'id: "2026-0x1"') } : s));
    const warm = new FileCheckCache(c.entries());
    const result = validateSources(edited, { now: NOW, cache: warm });
    expect(warm.stats).toMatchObject({ hits: list.length - 1, misses: 1 });
    expectSame(validateSources(edited, { now: NOW }), result);
    expect(result.incidents[0]!.incident.id).toBe('2026-0x1');
    expect(result.diagnostics.map((d) => d.code)).toContain('DL-RULE-FILE-NAME');
  });

  it('an entry whose key is not the key of the source (another file, another path)', () => {
    const c = filled();
    const org = c.entries().find(([f]) => f.endsWith('kantoor-linde/organisation.yaml'))![1];
    const warm = new FileCheckCache(withEntry(c, INCIDENT, () => org));
    expectSame(validateSources(sources(), { now: NOW }), validateSources(sources(), { now: NOW, cache: warm }));
    expect(warm.stats).toMatchObject({ hits: sources().length - 1, misses: 1 });
    // The same text under another name is another key.
    const moved = sources().map((s) => (s.file === INCIDENT ? { ...s, file: 'incidents/kantoor-linde/elders.yaml' } : s));
    const again = new FileCheckCache(c.entries().map(([f, e]) => [f === INCIDENT ? 'incidents/kantoor-linde/elders.yaml' : f, e]));
    expectSame(validateSources(moved, { now: NOW }), validateSources(moved, { now: NOW, cache: again }));
    expect(again.stats.misses).toBe(1);
  });

  it('a damaged entry (its checksum does not match what it holds)', () => {
    const c = filled();
    const cases: ((e: StoredEntry) => StoredEntry)[] = [
      (e) => ({ ...e, data: e.data.replace('"2026-001"', '"2026-999"') }),
      (e) => ({ ...e, data: e.data.slice(0, -10) }),
      (e) => ({ ...e, located: '[["value\\u0000[\\"id\\"]",1,1]]' }),
      (e) => ({ ...e, sum: e.sum.replace(/^./, (ch) => (ch === '0' ? '1' : '0')) }),
    ];
    for (const damage of cases) {
      const entries = withEntry(c, INCIDENT, damage);
      expect(entries).not.toEqual(c.entries());
      const warm = new FileCheckCache(entries);
      const result = validateSources(sources(), { now: NOW, cache: warm });
      expectSame(validateSources(sources(), { now: NOW }), result);
      expect(warm.stats.misses).toBe(1);
      // And the entry written back is a good one again.
      const next = new FileCheckCache(warm.entries());
      validateSources(sources(), { now: NOW, cache: next });
      expect(next.stats.misses).toBe(0);
    }
  });

  it('an entry made with another schema or another salt', () => {
    const c = filled();
    const schema = structuredClone(defaultSchema('incident')) as Record<string, unknown>;
    schema['description'] = `${String(schema['description'] ?? '')} (changed)`;
    const other = new FileCheckCache(c.entries());
    validateSources(sources(), { now: NOW, cache: other, schemas: { incident: schema } });
    expect(other.stats).toMatchObject({ hits: ORGS.length, misses: 1 });
    const salted = new FileCheckCache(c.entries(), { salt: 'node 99' });
    validateSources(sources(), { now: NOW, cache: salted });
    expect(salted.stats).toMatchObject({ hits: 0, misses: sources().length });
  });

  it('no two texts share a key, not even texts that differ in a lone surrogate only', () => {
    const schema = defaultSchema('incident');
    const texts = ['a: "\uD800"\n', 'a: "\uD801"\n', 'a: "\uFFFD"\n', 'a: "\uD800\uDC00"\n', 'a: "\u{10000}"\n', 'a: ""\n'];
    const keys = texts.map((t) => fileKey(source(INCIDENT, t), schema));
    expect(new Set(keys).size).toBe(texts.length - 1); // \uD800\uDC00 is \u{10000}
    expect(keys[3]).toBe(keys[4]);
    expect(fileKey(source(INCIDENT, 'x'), schema)).not.toBe(fileKey(source(INCIDENT, 'x', 'organisation'), schema));
    expect(fileKey(source(INCIDENT, 'x'), schema)).not.toBe(fileKey(source(INCIDENT, 'x'), schema, 'other salt'));
  });

  it('a key asked for twice is the key of the source as it is then (remembered, never stale)', () => {
    const cache = new FileCheckCache([], { salt: 's' });
    const schema = defaultSchema('incident');
    const other = structuredClone(schema);
    const s = source(INCIDENT, incidentText());
    expect(cache.key(s, schema)).toBe(fileKey(s, schema, 's'));
    expect(cache.key(s, schema)).toBe(fileKey(s, schema, 's'));
    expect(cache.key(s, other)).toBe(fileKey(s, other, 's'));
    s.text += '# edited\n';
    expect(cache.key(s, schema)).toBe(fileKey(s, schema, 's'));
    s.kind = 'organisation';
    expect(cache.key(s, schema)).toBe(fileKey(s, schema, 's'));
    s.file = 'incidents/elders/2026-001.yaml';
    expect(cache.key(s, schema)).toBe(fileKey(s, schema, 's'));
  });

  it('only the files of this run are kept (unless asked to keep the others)', () => {
    const c = filled();
    const fewer = sources().filter((s) => s.kind === 'organisation');
    const next = new FileCheckCache(c.entries());
    validateSources(fewer, { now: NOW, cache: next });
    expect(next.entries().map(([f]) => f)).toEqual(fewer.map((s) => s.file).sort());
    expect(next.changed()).toBe(true);
    const keeping = new FileCheckCache(c.entries(), { keepUnseen: true });
    validateSources(fewer, { now: NOW, cache: keeping });
    expect(keeping.entries().map(([f]) => f)).toEqual(sources().map((s) => s.file).sort());
    expect(keeping.changed()).toBe(false);
  });
});

describe('values JSON cannot give back exactly are not cached', () => {
  it('isJsonExact', () => {
    const shared = { a: 1 };
    const holey = [1, , 3]; // eslint-disable-line no-sparse-arrays
    for (const v of [null, true, 'x\uD800', 1.5, [], {}, { a: [1, { b: 'c' }] }, JSON.parse('{"__proto__": 1}')]) expect(isJsonExact(v), JSON.stringify(v)).toBe(true);
    const inexact = [undefined, -0, NaN, Infinity, 10n, new Date(0), { a: undefined }, [shared, shared], holey, Object.create(null), new Map(), () => 1, { [Symbol('s')]: 1 }];
    inexact.forEach((v, i) => expect(isJsonExact(v), `inexact value #${i}`).toBe(false));
    const getter = Object.defineProperty({}, 'a', { get: () => 1, enumerable: true });
    const hidden = Object.defineProperty({}, 'a', { value: 1, enumerable: false });
    expect(isJsonExact(getter)).toBe(false);
    expect(isJsonExact(hidden)).toBe(false);
    expect(isJsonExact({ deep: [[[{ x: [shared] }]]], other: { y: shared } })).toBe(false);
  });

  /** A valid incident with one line replaced. */
  const incident = (from: RegExp, to: string): SourceFile => {
    const text = incidentText().replace(from, to);
    expect(text).not.toBe(incidentText());
    return source(INCIDENT, text);
  };

  it('a count of -0 (valid, but JSON writes it as 0)', () => {
    const list = [...orgSources(), incident(/^( {2}count:) \d+$/m, '$1 -0')];
    const { plain, first, second, cold, warm } = threeWays(list);
    expect(plain.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.is(plain.incidents[0]!.incident.data_subjects?.count, -0)).toBe(true);
    expect(cold.stats.uncacheable).toBe(1);
    expect(cold.entries().map(([f]) => f)).not.toContain(INCIDENT);
    expect(warm.stats).toMatchObject({ hits: ORGS.length, misses: 1 });
    expect(Object.is(second.incidents[0]!.incident.data_subjects?.count, -0)).toBe(true);
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
  });

  it('a value shared through a YAML alias (one object, which a round trip would copy)', () => {
    const list = [source(INCIDENT, 'name: &n { first: Jan }\nalso: *n\n')];
    const loose = { incident: { type: 'object' } };
    const cold = new FileCheckCache();
    const r = validateSources(list, { now: NOW, cache: cold, schemas: loose, rules: [] });
    expect(r.diagnostics).toEqual([]);
    expect(cold.stats.uncacheable).toBe(1);
    expect(cold.entries()).toEqual([]);
  });

  it('a file with an error is cached with its diagnostics only (NaN is not a count)', () => {
    const list = [...orgSources(), incident(/^( {2}count:) \d+$/m, '$1 .nan')];
    const { plain, second, cold, warm } = threeWays(list);
    expect(plain.diagnostics.some((d) => d.severity === 'error' && d.file === INCIDENT)).toBe(true);
    expect(cold.stats.uncacheable).toBe(0);
    expect(JSON.parse(cold.entries().find(([f]) => f === INCIDENT)![1].data)).not.toHaveProperty('value');
    expect(warm.stats.hits).toBe(list.length);
    expectSame(plain, second);
  });

  it('the hostile base incident round-trips (sanity: the corpus is cached, not skipped)', () => {
    const c = new FileCheckCache();
    validateSources([...orgSources(), source('incidents/assurantiekantoor-bosman/2026-900.yaml', baseIncident())], { now: NOW, cache: c });
    expect(c.stats.uncacheable).toBe(0);
  });
});
