/** The catalogue of diagnostics and their formatting. */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DIAGNOSTIC_CODES, fill, makeDiagnostic } from '../../src/diagnostics/catalogue.js';
import { compareDiagnostics, formatDiagnostic, hasErrors, sortDiagnostics, summarise } from '../../src/diagnostics/format.js';
import { RULES } from '../../src/validate/index.js';

describe('catalogue', () => {
  it('codes are stable-looking and every entry is complete', () => {
    for (const code of DIAGNOSTIC_CODES) {
      expect(code).toMatch(/^DL-(LOAD|YAML|SCHEMA|RULE|INTERNAL|PACK|TEMPLATE)(-[A-Z0-9]+)+$/);
      const e = CATALOGUE[code];
      expect(['error', 'warning']).toContain(e.severity);
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.message.length).toBeGreaterThan(2);
    }
  });

  it('every rule code says what to do', () => {
    for (const code of DIAGNOSTIC_CODES.filter((c) => c.startsWith('DL-RULE-'))) {
      expect(CATALOGUE[code].hint, code).toBeTruthy();
    }
  });

  it('rules have unique kebab-case names and a description', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RULES) {
      expect(r.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.description.length).toBeGreaterThan(10);
    }
  });

  it('fills placeholders and drops missing ones', () => {
    expect(fill('a {x} b {y}', { x: 1 })).toBe('a 1 b ');
    const d = makeDiagnostic('DL-RULE-DUPLICATE-ID', { file: 'f.yaml', line: 3, column: 5, field: 'id' }, { id: '1', others: 'g.yaml' });
    expect(d).toEqual({
      code: 'DL-RULE-DUPLICATE-ID',
      severity: 'error',
      file: 'f.yaml',
      line: 3,
      column: 5,
      field: 'id',
      message: "the incident id '1' is also used in g.yaml",
      hint: 'Every incident needs an id of its own: give one of them the next free number (and rename its file to match).',
    });
    // An empty hint template result leaves the hint out.
    expect('hint' in makeDiagnostic('DL-SCHEMA-TYPE', { file: 'f' }, { expected: 'x', found: 'y', hint: '' })).toBe(false);
  });
});

describe('format and order', () => {
  const d = (file: string, line: number, column: number, code = 'DL-SCHEMA-TYPE') =>
    ({ code, severity: 'error' as const, file, line, column, field: 'a', message: 'm' });

  it('sorts by file, line and column, keeping ties in their order', () => {
    const list = [d('b.yaml', 1, 1), d('a.yaml', 2, 1, 'X'), d('a.yaml', 1, 9), d('a.yaml', 2, 1, 'Y'), d('B.yaml', 5, 5)];
    expect(sortDiagnostics(list).map((x) => `${x.file}:${x.line}:${x.column}:${x.code}`)).toEqual([
      'B.yaml:5:5:DL-SCHEMA-TYPE',
      'a.yaml:1:9:DL-SCHEMA-TYPE',
      'a.yaml:2:1:X',
      'a.yaml:2:1:Y',
      'b.yaml:1:1:DL-SCHEMA-TYPE',
    ]);
    expect(compareDiagnostics(list[1]!, list[3]!)).toBe(0);
  });

  it('formats warnings and whole-file problems', () => {
    expect(formatDiagnostic({ ...d('x.yaml', 4, 3), severity: 'warning', hint: 'do this' })).toBe(
      'x.yaml:4:3: a: m (warning DL-SCHEMA-TYPE)\n    hint: do this',
    );
    expect(formatDiagnostic({ ...d('x.yaml', 0, 0), field: '' })).toBe('x.yaml: m (error DL-SCHEMA-TYPE)');
  });

  it('summarises', () => {
    expect(summarise([])).toBe('no problems');
    expect(summarise([d('a', 1, 1), d('b', 1, 1), { ...d('b', 2, 1), severity: 'warning' }])).toBe('2 errors and 1 warning in 2 files');
    expect(hasErrors([{ ...d('a', 1, 1), severity: 'warning' }])).toBe(false);
  });
});
