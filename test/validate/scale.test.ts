/** Many files at once, and arbitrary input: validation never throws and stays quick. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { CATALOGUE } from '../../src/diagnostics/catalogue.js';
import type { SourceFile } from '../../src/load/sources.js';
import { CHECKPOINT_EVERY, validateSources } from '../../src/validate/index.js';
import { fixture, miniSchema, NOW, source } from './helpers.js';

const HEADER = '# yaml-language-server: $schema=../../schemas/incident.schema.json\n';
const base = () => parse(fixture('project/incidents/kantoor-linde/2026-001.yaml')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const org = () => source('templates/kantoor-linde/organisation.yaml', fixture('project/templates/kantoor-linde/organisation.yaml'), 'organisation');

describe('1,000 incidents', () => {
  it('with one broken yield exactly the diagnostics of that one, with a checkpoint every CHECKPOINT_EVERY files', () => {
    const sources: SourceFile[] = [org()];
    for (let n = 1; n <= 1000; n++) {
      const id = `2026-${String(n).padStart(4, '0')}`;
      const inc = base();
      inc.id = id;
      if (n === 500) inc.data_subjects.count = -1;
      sources.push(source(`incidents/kantoor-linde/${id}.yaml`, HEADER + stringify(inc)));
    }
    const broken = sources.find((s) => s.file.endsWith('2026-0500.yaml'))!.text.split('\n');
    const line = broken.indexOf('  count: -1') + 1;
    expect(line).toBeGreaterThan(1);
    const started = performance.now();
    let checkpoints = 0;
    const r = validateSources(sources, { now: NOW, checkpoint: () => checkpoints++ });
    const ms = performance.now() - started;
    expect(checkpoints).toBe(Math.floor(sources.length / CHECKPOINT_EVERY)); // the caller's chance to collect garbage
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.field, d.code])).toEqual([
      ['incidents/kantoor-linde/2026-0500.yaml', line, 10, 'data_subjects.count', 'DL-SCHEMA-RANGE'],
    ]);
    expect(r.incidents).toHaveLength(999);
    expect(ms).toBeLessThan(15_000);
  });
});

const known = new Set(Object.keys(CATALOGUE));
function wellFormed(r: ReturnType<typeof validateSources>) {
  for (const d of r.diagnostics) {
    expect(known.has(d.code)).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.column).toBeGreaterThanOrEqual(0);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/\{[a-z]+\}|undefined|\[object Object\]/);
  }
}

describe('any input', () => {
  const mini = { incident: miniSchema() };

  it('any JSON-ish value dumped to YAML validates or yields diagnostics, never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = stringify(value);
        wellFormed(validateSources([source('incidents/a/x.yaml', text)], { now: NOW }));
        wellFormed(validateSources([source('x.yaml', text)], { now: NOW, schemas: mini }));
        wellFormed(validateSources([source('templates/a/organisation.yaml', text, 'organisation')], { now: NOW }));
      }),
      { numRuns: 300 },
    );
  });

  it('a real incident with any field replaced by any value never throws', () => {
    const inc = base();
    const paths: string[][] = [];
    const walk = (v: unknown, p: string[]) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) (paths.push([...p, k]), walk(x, [...p, k]));
    };
    walk(inc, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const copy = base();
        let cur = copy;
        for (const k of path.slice(0, -1)) cur = cur[k];
        cur[path[path.length - 1]!] = value;
        const r = validateSources([org(), source('incidents/kantoor-linde/2026-001.yaml', HEADER + stringify(copy))], { now: NOW });
        wellFormed(r);
        // Every diagnostic about the incident points somewhere inside it.
        for (const d of r.diagnostics) if (d.field) expect(d.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('any text at all never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        wellFormed(validateSources([source('incidents/a/x.yaml', text)], { now: NOW }));
      }),
      { numRuns: 300 },
    );
  });
});
