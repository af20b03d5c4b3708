/**
 * The validation mechanism, independent of the project's schemas: a small schema of our own
 * (test/fixtures/validate/mini/) and YAML-level problems.
 */
import { describe, expect, it } from 'vitest';
import { validateSources } from '../../src/validate/index.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { brief, fixture, miniSchema, NOW, source, type Brief } from './helpers.js';

const schemas = { incident: miniSchema() };
const run = (file: string, text: string) => validateSources([source(file, text)], { now: NOW, schemas, rules: [] });
const runFixture = (name: string) => run(`mini/${name}.yaml`, fixture(`mini/${name}.yaml`));

describe('schema errors are mapped to line, column and field', () => {
  it('a valid file yields nothing and is returned', () => {
    const r = runFixture('valid');
    expect(r.diagnostics).toEqual([]);
    expect(r.incidents).toHaveLength(1);
    expect(r.incidents[0]!.file).toBe('mini/valid.yaml');
  });

  const deep: [string, number, number, string][] = [
    ['DL-SCHEMA-REQUIRED', 2, 1, 'name'],
    ['DL-SCHEMA-PATTERN', 2, 7, 'code'],
    ['DL-SCHEMA-RANGE', 3, 8, 'count'],
    ['DL-SCHEMA-RANGE', 4, 8, 'ratio'],
    ['DL-SCHEMA-ENUM', 5, 9, 'colour'],
    ['DL-SCHEMA-FORMAT', 6, 7, 'when'],
    ['DL-SCHEMA-TYPE', 7, 7, 'flag'],
    ['DL-SCHEMA-LENGTH', 8, 7, 'note'],
    ['DL-SCHEMA-UNKNOWN-FIELD', 11, 5, 'steps[0].extra'],
    ['DL-SCHEMA-ENUM', 16, 9, 'steps[1].tags[2]'],
    ['DL-SCHEMA-TYPE', 17, 12, 'steps[2].label'],
    ['DL-SCHEMA-FORMAT', 18, 9, 'steps[2].at'],
  ];
  it('deep.yaml: every problem, nested in lists too, in one run', () => {
    const r = runFixture('deep');
    expect(r.diagnostics.map(brief)).toEqual(deep.map(([code, line, column, field]) => ({ code, file: 'mini/deep.yaml', line, column, field })));
    expect(r.incidents).toEqual([]);
  });

  const alternatives: [string, number, number, string][] = [
    ['DL-SCHEMA-FORMAT', 4, 6, 'day'],
    ['DL-SCHEMA-TYPE', 5, 13, 'idOrNumber'],
    ['DL-SCHEMA-PATTERN', 8, 10, 'contact.phone'],
    ['DL-SCHEMA-ALTERNATIVES', 9, 1, 'size'],
    ['DL-SCHEMA-DEPENDENT', 12, 3, 'range.high'],
    ['DL-SCHEMA-NOT-ALLOWED', 15, 3, 'state.closed_at'],
    ['DL-SCHEMA-REQUIRED', 16, 1, 'mode.reason'],
    ['DL-SCHEMA-UNIQUE', 20, 17, 'steps[0].tags[1]'],
  ];
  it('alternatives.yaml: anyOf/oneOf/if-then noise collapses to one message per field', () => {
    const r = runFixture('alternatives');
    expect(r.diagnostics.map(brief)).toEqual(
      alternatives.map(([code, line, column, field]) => ({ code, file: 'mini/alternatives.yaml', line, column, field })),
    );
  });

  const messages: [string, string, RegExp][] = [
    ['deep', 'colour', /^must be one of: red, green, blue; found 'Red'; did you mean 'red'\?$/],
    ['deep', 'steps[1].tags[2]', /did you mean 'green'\?/],
    ['deep', 'count', /^must be a whole number, 0 or more; found -1$/],
    ['deep', 'ratio', /^must be a number, from 0 to 1; found 2$/],
    ['deep', 'when', /^must be a date and time with its UTC offset, e\.g\. 2026-03-02T14:30:00\+01:00; found '2026-03-02T14:30:00': the UTC offset/],
    ['deep', 'flag', /^must be true or false; found the text 'yes'$/],
    ['deep', 'steps[2].label', /^must be text \(not empty\); found the number 3$/],
    ['deep', 'code', /e\.g\. AB-123/],
    ['deep', 'name', /^is required but missing \(Naam\)$/],
    ['alternatives', 'day', /or a date written as YYYY-MM-DD.*that date does not exist/],
    ['alternatives', 'idOrNumber', /^must be text, or a whole number; found a list$/],
    ['alternatives', 'size', /^needs exact, or both min and max$/],
    ['alternatives', 'range.high', /^is required when low is given$/],
    ['alternatives', 'state.closed_at', /^is not allowed here \(Einde bij open\)$/],
    ['alternatives', 'steps[0].tags[1]', /^lists 'red' twice \(also at steps\[0\]\.tags\[0\]\)$/],
  ];
  it.each(messages)('%s.yaml %s reads plainly', (name, field, re) => {
    const d = runFixture(name).diagnostics.find((x) => x.field === field);
    expect(d?.message).toMatch(re);
  });

  it('unknown fields suggest the closest known field and point at the key', () => {
    const r = run('x.yaml', 'name: a\nwhen: 2026-03-02T14:30:00+01:00\nsteps:\n  - labl: x\n');
    const d = r.diagnostics.filter((x) => x.code === 'DL-SCHEMA-UNKNOWN-FIELD');
    expect(d.map(brief)).toEqual([{ code: 'DL-SCHEMA-UNKNOWN-FIELD', file: 'x.yaml', line: 4, column: 5, field: 'steps[0].labl' }]);
    expect(d[0]!.message).toBe("is not a known field; did you mean 'label'?");
    // ...and the label it lacks is reported on the list item.
    expect(r.diagnostics.find((x) => x.code === 'DL-SCHEMA-REQUIRED')).toMatchObject({ field: 'steps[0].label', line: 4, column: 5 });
  });

  it('a oneOf with a discriminator reports only the branch the value meant', () => {
    const r = run('x.yaml', 'name: a\nwhen: 2026-03-02T14:30:00+01:00\ncontact:\n  kind: email\n  phone: "+31 99 555 00 00"\n');
    expect(r.diagnostics.map((d) => [d.code, d.field])).toEqual([
      ['DL-SCHEMA-REQUIRED', 'contact.email'],
      ['DL-SCHEMA-UNKNOWN-FIELD', 'contact.phone'],
    ]);
  });

  it('an empty value points at its key and says so', () => {
    const r = run('x.yaml', 'name:\nwhen: 2026-03-02T14:30:00+01:00\n');
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'DL-SCHEMA-TYPE', file: 'x.yaml', line: 1, column: 1, field: 'name' }]);
    expect(r.diagnostics[0]!.message).toBe('must be text (not empty); found an empty value');
  });

  it('positions survive CRLF line endings and a byte-order mark', () => {
    const text = '\ufeffname: a\r\nwhen: 2026-03-02T14:30:00+01:00\r\ncount: -1\r\n';
    expect(run('x.yaml', text).diagnostics.map(brief)).toEqual([{ code: 'DL-SCHEMA-RANGE', file: 'x.yaml', line: 3, column: 8, field: 'count' }]);
  });

  it('a value behind an alias is reported where the alias is used', () => {
    const r = run('x.yaml', 'name: &n 7\nwhen: 2026-03-02T14:30:00+01:00\nnote: *n\n');
    expect(r.diagnostics.map(brief)).toEqual([
      { code: 'DL-SCHEMA-TYPE', file: 'x.yaml', line: 1, column: 10, field: 'name' },
      { code: 'DL-SCHEMA-TYPE', file: 'x.yaml', line: 3, column: 7, field: 'note' },
    ]);
  });
});

describe('YAML problems', () => {
  const cases: { name: string; text: string; expected: Brief[] }[] = [
    { name: 'empty file', text: '', expected: [{ code: 'DL-YAML-EMPTY', file: 'x.yaml', line: 0, column: 0, field: '' }] },
    { name: 'only comments', text: '# nothing yet\n\n# still nothing\n', expected: [{ code: 'DL-YAML-EMPTY', file: 'x.yaml', line: 0, column: 0, field: '' }] },
    { name: 'only a document marker', text: '---\n', expected: [{ code: 'DL-YAML-EMPTY', file: 'x.yaml', line: 0, column: 0, field: '' }] },
    { name: 'a list', text: '# c\n- a\n- b\n', expected: [{ code: 'DL-YAML-NOT-A-MAPPING', file: 'x.yaml', line: 2, column: 1, field: '' }] },
    { name: 'plain text', text: 'just some text\n', expected: [{ code: 'DL-YAML-NOT-A-MAPPING', file: 'x.yaml', line: 1, column: 1, field: '' }] },
    { name: 'duplicate key', text: 'name: a\nwhen: x\nname: b\n', expected: [{ code: 'DL-YAML-DUPLICATE-KEY', file: 'x.yaml', line: 3, column: 1, field: '' }] },
    { name: 'unclosed quote', text: 'name: a\nnote: "abc\ncount: 1\n', expected: [{ code: 'DL-YAML-SYNTAX', file: 'x.yaml', line: 2, column: 7, field: '' }] },
    { name: 'tab indentation', text: 'steps:\n\t- label: x\n', expected: [{ code: 'DL-YAML-SYNTAX', file: 'x.yaml', line: 2, column: 1, field: '' }] },
    { name: 'two documents', text: 'name: a\n---\nname: b\n', expected: [{ code: 'DL-YAML-MULTIPLE-DOCUMENTS', file: 'x.yaml', line: 2, column: 1, field: '' }] },
    { name: 'a list as a key', text: 'name: a\n? [x, y]\n: z\n', expected: [{ code: 'DL-YAML-COMPLEX-KEY', file: 'x.yaml', line: 2, column: 3, field: '' }] },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    const r = run('x.yaml', text);
    expect(r.diagnostics.map(brief)).toEqual(expected);
    expect(r.incidents).toEqual([]);
  });

  it('a duplicate key names the key; syntax errors carry a hint', () => {
    expect(run('x.yaml', 'name: a\nname: b\n').diagnostics[0]!.message).toBe("the field 'name' appears more than once here");
    expect(run('x.yaml', 'steps:\n\t- label: x\n').diagnostics[0]!.hint).toBe('Indent with spaces, not tabs.');
  });

  it('one syntax error per line, not the cascade after it', () => {
    const r = run('x.yaml', '- a\nb: 1\n');
    expect(r.diagnostics.filter((d) => d.line === 2)).toHaveLength(1);
  });

  it('an unknown tag is a warning; the file stays valid', () => {
    const r = run('x.yaml', 'name: !geheim a\nwhen: 2026-03-02T14:30:00+01:00\n');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([['DL-YAML-TAG', 'warning', 1, 7]]);
    expect(r.incidents).toHaveLength(1);
  });

  it('an alias bomb ends quickly with one diagnostic', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const r = run('bomb.yaml', lines.join('\n') + '\n');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'DL-YAML-ALIAS-LIMIT', file: 'bomb.yaml', line: 2, column: 8, field: '' }]);
  });

  it('a schema comment that points elsewhere is a warning', () => {
    const text = '# yaml-language-server: $schema=../schemas/incident.schema.json\nname: a\nwhen: 2026-03-02T14:30:00+01:00\n';
    const r = validateSources([source('incidents/acme/1.yaml', text)], { now: NOW, schemas, rules: [] });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([['DL-YAML-SCHEMA-COMMENT', 1, 'warning']]);
    expect(r.diagnostics[0]!.hint).toContain('$schema=../../schemas/incident.schema.json');
    const ok = '# yaml-language-server: $schema=../../schemas/incident.schema.json\nname: a\nwhen: 2026-03-02T14:30:00+01:00\n';
    expect(validateSources([source('incidents/acme/1.yaml', ok)], { now: NOW, schemas, rules: [] }).diagnostics).toEqual([]);
  });
});

describe('formatting', () => {
  it('prints file:line:column: field: message, severity and code, and an indented hint', () => {
    const d = run('incidents/acme/2026-004.yaml', 'name: a\nwhen: 2026-03-02T14:30:00+01:00\ncolour: grean\n').diagnostics[0]!;
    expect(formatDiagnostic(d)).toBe(
      "incidents/acme/2026-004.yaml:3:9: colour: must be one of: red, green, blue; found 'grean'; did you mean 'green'? (error DL-SCHEMA-ENUM)\n" +
        '    hint: Write one of the listed values exactly as shown.',
    );
    const whole = run('e.yaml', '').diagnostics[0]!;
    expect(formatDiagnostic(whole, { noHint: true })).toBe('e.yaml: the file is empty (it holds no fields) (error DL-YAML-EMPTY)');
  });
});
