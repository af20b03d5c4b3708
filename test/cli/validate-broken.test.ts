/**
 * `datalek validate` on a project of broken incidents, one problem per file: every problem is
 * reported at the exact line and column of the offending key or value, the valid incidents of the
 * same run are still counted valid, and the run exits 1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { FIXTURES, NOW, diagnosticLines, run, type RunResult } from './helpers.js';

const ROOT = path.join(FIXTURES, 'broken');
const DIR = 'incidents/van-dam-advocaten';

interface Case {
  /** What is broken, as the issue puts it. */
  problem: string;
  code: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  field: string;
  /** The text that must start at line:column in the fixture: the offending key or value. */
  at: string;
  /** The exact first line `validate` prints. */
  text: string;
}

const c = (x: Omit<Case, 'text' | 'severity'> & { severity?: Case['severity']; message: string }): Case => {
  const severity = x.severity ?? 'error';
  const place = x.line > 0 ? `${x.file}:${x.line}:${x.column}` : x.file;
  return { ...x, severity, text: `${place}: ${x.field ? `${x.field}: ` : ''}${x.message} (${severity} ${x.code})` };
};

const CASES: Case[] = [
  c({
    problem: 'wrong type deep in a list: authority.follow_ups[1].at is a number',
    code: 'DL-SCHEMA-TYPE', file: `${DIR}/2026-010.yaml`, line: 165, column: 11, field: 'authority.follow_ups[1].at', at: '12',
    message: 'must be a date and time with its UTC offset, e.g. 2026-03-02T14:30:00+01:00; found the number 12',
  }),
  c({
    problem: 'wrong type in the checklist: a text where a group of fields belongs',
    code: 'DL-SCHEMA-TYPE', file: `${DIR}/2026-011.yaml`, line: 127, column: 12, field: 'checklist.improve', at: 'gedaan',
    message: "must be a group of fields; found the text 'gedaan'",
  }),
  c({
    problem: 'unknown key at the root',
    code: 'DL-SCHEMA-UNKNOWN-FIELD', file: `${DIR}/2026-012.yaml`, line: 110, column: 1, field: 'notes', at: 'notes:',
    message: 'is not a known field',
  }),
  c({
    problem: 'unknown key nested (a typo), with a suggestion',
    code: 'DL-SCHEMA-UNKNOWN-FIELD', file: `${DIR}/2026-013.yaml`, line: 64, column: 3, field: 'containment.deleted_by_recipent', at: 'deleted_by_recipent:',
    message: "is not a known field; did you mean 'deleted_by_recipient'?",
  }),
  c({
    problem: 'bad enum value, with a suggestion',
    code: 'DL-SCHEMA-ENUM', file: `${DIR}/2026-014.yaml`, line: 31, column: 9, field: 'what.kind', at: 'email_wrong_recipeint',
    message:
      'must be one of: email_wrong_recipient, recipients_visible, letter_wrong_address, letter_lost, wrong_authorisations, share_too_open, ' +
      'device_lost_or_stolen, paper_lost_or_stolen, accidental_publication, hacking_malware_phishing, data_in_wrong_file, other; ' +
      "found 'email_wrong_recipeint'; did you mean 'email_wrong_recipient'?",
  }),
  c({
    problem: 'instant without UTC offset',
    code: 'DL-SCHEMA-FORMAT', file: `${DIR}/2026-015.yaml`, line: 15, column: 13, field: 'timeline.aware_at', at: '2026-03-12T10:40:00',
    message: "must be a date and time with its UTC offset, e.g. 2026-03-02T14:30:00+01:00; found '2026-03-12T10:40:00': the UTC offset (e.g. +01:00) is missing",
  }),
  c({
    problem: 'a date that does not exist (2026-02-31)',
    code: 'DL-SCHEMA-FORMAT', file: `${DIR}/2026-016.yaml`, line: 12, column: 15, field: 'timeline.started_at', at: '2026-02-31',
    message:
      "must be a date and time with its UTC offset, e.g. 2026-03-02T14:30:00+01:00, or a date written as YYYY-MM-DD, e.g. 2026-03-02; found '2026-02-31': that date does not exist",
  }),
  c({
    problem: 'YAML syntax error: ": " inside an unquoted value (points at that value)',
    code: 'DL-YAML-SYNTAX', file: `${DIR}/2026-017.yaml`, line: 27, column: 14, field: '', at: 'De onbedoelde ontvanger belde het kantoor: de e-mail',
    message: 'Nested mappings are not allowed in compact mappings',
  }),
  c({
    problem: 'empty file (about the whole file: no line or column)',
    code: 'DL-YAML-EMPTY', file: `${DIR}/2026-018.yaml`, line: 0, column: 0, field: '', at: '',
    message: 'the file is empty (it holds no fields)',
  }),
  c({
    problem: 'duplicate id (two files, same id): the first',
    code: 'DL-RULE-DUPLICATE-ID', file: `${DIR}/2026-019.yaml`, line: 3, column: 5, field: 'id', at: '"2026-019"',
    message: `the incident id '2026-019' is also used in ${DIR}/archief/2026-019.yaml`,
  }),
  c({
    problem: 'unknown organisation, with a suggestion',
    code: 'DL-RULE-UNKNOWN-ORG', file: `${DIR}/2026-020.yaml`, line: 4, column: 15, field: 'organisation', at: 'van-dam-advokaten',
    message: "no organisation 'van-dam-advokaten' is known; did you mean 'van-dam-advocaten'?",
  }),
  c({
    problem: 'unknown organisation: the file also lies in another organisation\'s folder (warning)',
    code: 'DL-RULE-FOLDER-ORG', severity: 'warning', file: `${DIR}/2026-020.yaml`, line: 4, column: 15, field: 'organisation', at: 'van-dam-advokaten',
    message: "the incident belongs to 'van-dam-advokaten' but lies in the folder of 'van-dam-advocaten'",
  }),
  c({
    problem: 'notified after 72 h without reasons',
    code: 'DL-RULE-LATE-WITHOUT-REASONS', file: `${DIR}/2026-021.yaml`, line: 153, column: 16, field: 'authority.notified_at', at: '2026-01-23T11:00:00+01:00',
    message: 'the authority was notified 96.5 hours after awareness, more than 72 hours, and no reasons for the delay are given',
  }),
  c({
    problem: 'exemption without grounds (points at the exemption the grounds belong in)',
    code: 'DL-SCHEMA-REQUIRED', file: `${DIR}/2026-022.yaml`, line: 144, column: 3, field: 'communication.exemption.grounds', at: 'exemption:',
    message: 'is required but missing (Motivering)',
  }),
  c({
    problem: 'high risk without communication or exemption',
    code: 'DL-RULE-HIGH-RISK-NOT-COMMUNICATED', file: `${DIR}/2026-023.yaml`, line: 140, column: 10, field: 'risk_assessment.level', at: 'high',
    message: 'the risk was assessed as high, but the people affected have not been informed, informing is not planned and no exemption is recorded',
  }),
  c({
    problem: 'count_min > count_max',
    code: 'DL-RULE-COUNT-RANGE', file: `${DIR}/2026-024.yaml`, line: 85, column: 14, field: 'data_subjects.count_min', at: '1500',
    message: 'the minimum number of people (1500) is larger than the maximum (640)',
  }),
  c({
    problem: 'duplicate id (two files, same id): the second',
    code: 'DL-RULE-DUPLICATE-ID', file: `${DIR}/archief/2026-019.yaml`, line: 3, column: 5, field: 'id', at: '"2026-019"',
    message: `the incident id '2026-019' is also used in ${DIR}/2026-019.yaml`,
  }),
];

const VALID = ['2026-002', '2026-003', '2026-006'].map((id) => `${DIR}/${id}.yaml`);

let human: RunResult;
let json: RunResult;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  human = await run(['validate', '--root', ROOT, '--now', NOW, '--verbose']);
  json = await run(['validate', '--root', ROOT, '--now', NOW, '--json', '--verbose']);
  diagnostics = JSON.parse(json.out) as Diagnostic[];
});

describe('validate on test/fixtures/cli/broken', () => {
  it('exits 1, in human and in --json mode', () => {
    expect(human.code).toBe(1);
    expect(json.code).toBe(1);
  });

  it('reports exactly the expected problems, in file, line, column order', () => {
    expect(diagnostics.map((d) => ({ code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column, field: d.field }))).toEqual(
      CASES.map(({ code, severity, file, line, column, field }) => ({ code, severity, file, line, column, field })),
    );
  });

  it('prints each problem as file:line:column: field: message, followed by a hint', () => {
    expect(diagnosticLines(human.err)).toEqual(CASES.map((x) => x.text));
    for (const d of diagnostics) expect(d.hint, d.code).toBeTruthy();
    expect(human.err.split('\n').filter((l) => l.startsWith('    hint: '))).toHaveLength(CASES.length);
  });

  it.each(CASES)('$problem: $file:$line:$column points at the offending key or value', (x) => {
    const lines = readFileSync(path.join(ROOT, x.file), 'utf8').split('\n');
    if (x.line === 0) {
      expect(x.column).toBe(0);
      expect(lines.join('')).toBe(''); // the empty file
      return;
    }
    const line = lines[x.line - 1];
    expect(line, `${x.file} has no line ${x.line}`).toBeDefined();
    expect(line!.slice(x.column - 1).startsWith(x.at), `${x.file}:${x.line}: ${line}`).toBe(true);
    // The column is the first character of that key or value, not of the indentation before it.
    expect(line!.slice(0, x.column - 1).trim().replace(/^-$/, '').replace(/^[\w-]+:$/, '').replace(/^- [\w-]+:$/, '')).toBe('');
  });

  it('still counts the valid incidents and the organisation of the same run as valid', () => {
    expect(human.out).toBe('16 errors in 16 files, 1 warning; 3 incidents and 1 organisation valid.\n');
    for (const f of VALID) expect(diagnostics.some((d) => d.file === f)).toBe(false);
  });

  it('triages the valid incidents of the same run and only those, still exiting 1', async () => {
    const r = await run(['triage', '--json', '--root', ROOT, '--now', NOW]);
    expect(r.code).toBe(1);
    const outcomes = JSON.parse(r.out) as { file: string }[];
    expect(outcomes.map((o) => o.file)).toEqual(VALID);
  });
});
