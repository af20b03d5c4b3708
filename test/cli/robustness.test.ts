/**
 * No stack traces, ever: whatever lies in incidents/, every command reports the broken file as a
 * diagnostic, exits 1, keeps going with the others, and never prints a JS stack frame or error
 * class. Usage errors exit 2 with a helpful message.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JS_ERROR_NAME, NOW, REPO, STACK_FRAME, cleanTemp, diagnosticLines, filesNamed, generatedTree, run, tempDir, tempProject, type Tree } from './helpers.js';

const ORG = 'van-dam-advocaten';
const DIR = `incidents/${ORG}`;
const VALID = [`${DIR}/2026-002.yaml`, `${DIR}/2026-003.yaml`];
const COMMANDS = [['validate'], ['triage'], ['triage', '--json'], ['status'], ['status', '--json']];
const base = () => readFileSync(path.join(REPO, DIR, '2026-002.yaml'), 'utf8');

/** Deterministic bytes that are not UTF-8 (a small linear congruential generator). */
function randomBytes(n: number, seed = 42): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

interface BadFile {
  name: string;
  /** File name under incidents/<org>/. */
  file: string;
  write(abs: string): void;
  /** The diagnostic code expected for it. */
  code: string;
}

const BAD: BadFile[] = [
  { name: 'malformed YAML (unclosed quote)', file: '2026-050.yaml', code: 'DL-YAML-SYNTAX', write: (f) => writeFileSync(f, base().replace('id: "2026-002"', 'id: "2026-050').replace('title: E-mail', 'title: "E-mail')) },
  { name: 'malformed YAML (tab indentation)', file: '2026-051.yaml', code: 'DL-YAML-SYNTAX', write: (f) => writeFileSync(f, base().replace('id: "2026-002"', 'id: "2026-051"').replace('  name: Fleur', '\tname: Fleur')) },
  { name: 'wrong types', file: '2026-052.yaml', code: 'DL-SCHEMA-TYPE', write: (f) => writeFileSync(f, base().replace('id: "2026-002"', 'id: "2026-052"').replace('  records: 3', '  records: drie')) },
  { name: 'unknown values', file: '2026-053.yaml', code: 'DL-SCHEMA-ENUM', write: (f) => writeFileSync(f, base().replace('id: "2026-002"', 'id: "2026-053"').replace('kind: email_wrong_recipient', 'kind: usb_stick')) },
  { name: 'an empty file', file: '2026-054.yaml', code: 'DL-YAML-EMPTY', write: (f) => writeFileSync(f, '') },
  { name: 'only a comment', file: '2026-055.yaml', code: 'DL-YAML-EMPTY', write: (f) => writeFileSync(f, '# nog invullen\n') },
  { name: 'a file of random bytes', file: '2026-056.yaml', code: 'DL-LOAD-ENCODING', write: (f) => writeFileSync(f, randomBytes(4096)) },
  { name: 'a UTF-16 file', file: '2026-057.yaml', code: 'DL-LOAD-ENCODING', write: (f) => writeFileSync(f, Buffer.from('\ufeffid: "2026-057"\n', 'utf16le')) },
  { name: 'a 3 MB file', file: '2026-058.yaml', code: 'DL-LOAD-TOO-LARGE', write: (f) => writeFileSync(f, base().replace('id: "2026-002"', 'id: "2026-058"') + `# ${'x'.repeat(98)}\n`.repeat(30_000)) },
  { name: 'a list instead of fields', file: '2026-059.yaml', code: 'DL-YAML-NOT-A-MAPPING', write: (f) => writeFileSync(f, '- id: "2026-059"\n- title: x\n') },
  { name: 'a plain text', file: '2026-060.yaml', code: 'DL-YAML-NOT-A-MAPPING', write: (f) => writeFileSync(f, 'Dit is geen incident.\n') },
  { name: 'two documents', file: '2026-061.yaml', code: 'DL-YAML-MULTIPLE-DOCUMENTS', write: (f) => writeFileSync(f, `${base()}---\n${base()}`) },
  { name: 'a field given twice', file: '2026-062.yaml', code: 'DL-YAML-DUPLICATE-KEY', write: (f) => writeFileSync(f, base().replace('id: "2026-002"', 'id: "2026-062"\nid: "2026-063"')) },
  { name: 'an alias bomb', file: '2026-064.yaml', code: 'DL-YAML-ALIAS-LIMIT', write: (f) => writeFileSync(f, 'a: &a [x,x,x,x,x,x,x,x,x]\n' + 'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]\n`).join('')) },
  { name: 'nesting far too deep', file: '2026-065.yaml', code: 'DL-YAML-SYNTAX', write: (f) => writeFileSync(f, `${'['.repeat(50_000)}${']'.repeat(50_000)}\n`) },
  { name: 'NUL bytes and control characters', file: '2026-066.yaml', code: 'DL-SCHEMA-REQUIRED', write: (f) => writeFileSync(f, 'id: "\\0\\x01"\ntitle: "\u0007"\n') },
];

afterAll(cleanTemp);

function expectClean(r: { out: string; err: string }, label: string): void {
  expect(r.out + r.err, `${label}: stack frame`).not.toMatch(STACK_FRAME);
  expect(r.out + r.err, `${label}: JS error name`).not.toMatch(JS_ERROR_NAME);
  expect(r.err, `${label}: internal error`).not.toMatch(/^datalek \w+: internal error/m);
}

describe('a broken file among valid ones', () => {
  it.each(BAD)('$name: every command exits 1, names only that file, and still handles the valid ones', async (bad) => {
    const root = tempProject([ORG], VALID);
    const rel = `${DIR}/${bad.file}`;
    bad.write(path.join(root, rel));
    for (const argv of COMMANDS) {
      const label = `${bad.name}: ${argv.join(' ')}`;
      const r = await run([...argv, '--now', NOW], root);
      expect(r.code, `${label}\n${r.err}`).toBe(1);
      expectClean(r, label);
      expect(filesNamed(r.err), label).toEqual([rel]);
      expect(r.err, label).toContain(`(error ${bad.code})`);
      if (argv.includes('--json')) expect(() => JSON.parse(r.out), label).not.toThrow();
      if (argv.join(' ') === 'triage --json') expect((JSON.parse(r.out) as { file: string }[]).map((o) => o.file), label).toEqual(VALID);
      if (argv.join(' ') === 'validate') expect(r.out, label).toMatch(/; 2 incidents and 1 organisation valid\.\n$/);
    }
  });

  it('a directory named like a YAML file is passed over quietly, and named when asked for', async () => {
    const root = tempProject([ORG], VALID);
    mkdirSync(path.join(root, DIR, '2026-070.yaml'));
    for (const argv of COMMANDS) {
      const r = await run([...argv, '--now', NOW], root);
      expect(r.code, argv.join(' ')).toBe(0);
      expectClean(r, argv.join(' '));
      expect(diagnosticLines(r.err), argv.join(' ')).toEqual([]);
    }
    const asked = await run(['validate', `${DIR}/2026-070.yaml`, '--now', NOW], root);
    expectClean(asked, 'validate <dir>');
    expect(asked.code).toBe(0);
    expect(diagnosticLines(asked.err)).toEqual([
      `${DIR}/2026-070.yaml: no incident or organisation files found in this folder (warning DL-LOAD-NO-FILES)`,
    ]);
  });

  it('all the broken files at once: each named, the valid ones still triaged', async () => {
    const root = tempProject([ORG], VALID);
    for (const bad of BAD) bad.write(path.join(root, DIR, bad.file));
    const v = await run(['validate', '--now', NOW], root);
    expect(v.code).toBe(1);
    expectClean(v, 'validate');
    expect(filesNamed(v.err).sort()).toEqual(BAD.map((b) => `${DIR}/${b.file}`).sort());
    expect(v.out).toMatch(new RegExp(`^\\d+ errors in ${BAD.length} files, 0 warnings; 2 incidents and 1 organisation valid\\.\\n$`));
    const t = await run(['triage', '--json', '--now', NOW], root);
    expect(t.code).toBe(1);
    expect((JSON.parse(t.out) as { file: string }[]).map((o) => o.file)).toEqual(VALID);
  });
});

describe('values from files cannot drive the terminal', () => {
  it('control characters and bidi overrides are shown escaped; --json keeps the values', async () => {
    const root = tempProject([ORG], VALID);
    const nasty = '\u001b]0;pwned\u0007\u001b[2J\u202e';
    writeFileSync(path.join(root, DIR, '2026-080.yaml'), base().replace('id: "2026-002"', `id: "${JSON.stringify(nasty).slice(1, -1)}2026-080"`));
    const human = await run(['validate', '--now', NOW, '--verbose'], root);
    expect(human.code).toBe(1);
    expect(human.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(human.err).toContain("found '\\u001b]0;pwned\\u0007\\u001b[2J\\u202e2026-080'");
    const json = await run(['validate', '--json', '--now', NOW, '--verbose'], root);
    const message = (JSON.parse(json.out) as { message: string }[]).find((d) => d.message.includes('pwned'))!.message;
    expect(message).toContain(`found '${nasty}2026-080'`);
    expect(json.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe('1,000 valid incidents and one broken', () => {
  let tree: Tree;
  beforeAll(() => {
    tree = generatedTree(1000, 500);
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s exits 1 and names only the broken file', async (_, argv) => {
    const r = await run([...argv, '--now', NOW], tree.root);
    expect(r.code).toBe(1);
    expectClean(r, argv.join(' '));
    expect(diagnosticLines(r.err)).toEqual([
      `${tree.broken}:${tree.brokenLine}:10: data_subjects.count: must be a whole number, 0 or more; found the text '…' (error DL-SCHEMA-TYPE)`,
    ]);
    if (argv.join(' ') === 'triage --json') {
      const outcomes = JSON.parse(r.out) as { id: string }[];
      expect(outcomes.map((o) => o.id)).toEqual(tree.ids.filter((id) => id !== '2026-0500'));
    }
    if (argv.join(' ') === 'validate') expect(r.out).toBe('1 error in 1 file, 0 warnings; 999 incidents and 1 organisation valid.\n');
    if (argv.join(' ') === 'status') expect(r.out).toBe('No open incidents.\n');
    if (argv.join(' ') === 'status --json') expect(JSON.parse(r.out)).toEqual([]);
  });
});

describe('usage errors exit 2 with a helpful message', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown command', ['frobnicate'], /^datalek: unknown command "frobnicate"\n\n[\s\S]*Commands:\n[\s\S]*validate/],
    ['unknown option', ['validate', '--frobnicate'], /^datalek validate: Unknown option '--frobnicate'\n\nUsage: datalek validate/],
    ['unknown short option', ['triage', '-x'], /^datalek triage: Unknown option '-x'\n\nUsage: datalek triage/],
    ['option without its value', ['status', '--root'], /^datalek status: Option '--root <value>' argument missing/],
    ['--now without offset', ['triage', '--json', '--now', '2026-11-22T12:00:00'], /--now must be a date and time with its UTC offset, e\.g\. 2026-11-22T09:00:00\+01:00 \(got "2026-11-22T12:00:00"\)/],
    ['--now as a date only', ['status', '--now', '2026-11-22'], /--now must be a date and time with its UTC offset/],
    ['--now in words', ['validate', '--now', 'gisteren'], /--now must be a date and time .*\(got "gisteren"\)/],
    ['--now on a day that does not exist', ['validate', '--now', '2026-02-31T10:00:00+01:00'], /--now must be a date and time .*\(got "2026-02-31T10:00:00\+01:00"\)/],
    ['--now at hour 24', ['status', '--now', '2026-02-28T24:00:00+01:00'], /--now must be a date and time/],
    ['--root that does not exist', ['validate', '--root', 'no/such/folder'], /^datalek validate: --root must be the project folder .*no\/such\/folder/],
    ['--root that is a file', ['triage', '--json', '--root', 'package.json'], /^datalek triage: --root must be the project folder/],
    ['new with an extra argument', ['new', 'extra'], /^datalek new: unexpected argument "extra"\n\nUsage: datalek new/],
  ];

  it.each(cases)('%s', async (_, argv, message) => {
    const r = await run(argv, REPO);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expectClean(r, argv.join(' '));
  });

  it('no command at all shows the help (exit 2); --help shows it with exit 0', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain('Usage: datalek <command> [options]');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['validate', 'triage', 'status', 'new']) {
      const r = await run([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: datalek ${c}`);
      expect(r.out).toContain('--now <value>');
    }
  });

  it('an empty temp folder as --root is no usage error', async () => {
    const r = await run(['validate', '--root', tempDir()]);
    expect(r.code).toBe(0);
    expectClean(r, 'validate empty');
  });
});
