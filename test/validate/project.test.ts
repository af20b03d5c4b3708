/**
 * The project's own schemas on fixture trees: test/fixtures/validate/project (valid) and
 * test/fixtures/validate/broken (one or more problems per file). Read through readSources, as the
 * CLI does.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../src/load/sources.js';
import { validateSources } from '../../src/validate/index.js';
import { FIXTURES, NOW } from './helpers.js';

const load = async (tree: string) => {
  const read = await readSources(path.join(FIXTURES, tree));
  return { read, result: validateSources(read.sources, { now: NOW }) };
};

describe('the valid fixture project', () => {
  it('has no diagnostics and yields every incident and organisation', async () => {
    const { read, result } = await load('project');
    expect(read.diagnostics).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.incidents.map((i) => i.file)).toEqual(['incidents/kantoor-linde/2026-001.yaml']);
    expect(result.incidents[0]!.incident.timeline.aware_at).toBe('2026-03-02T11:30:00+01:00');
    expect(result.organisations.map((o) => o.organisation.id)).toEqual(['atelier-maes', 'hoek-verzekeringen', 'kantoor-linde']);
  });
});

describe('the broken fixture project', () => {
  const I = 'incidents/kantoor-linde/';
  const expected: [file: string, line: number, column: number, field: string, code: string][] = [
    [`${I}2026-002.yaml`, 20, 12, 'personal_data.records', 'DL-SCHEMA-TYPE'],
    [`${I}2026-002.yaml`, 24, 7, 'data_subjects.groups[1]', 'DL-SCHEMA-ENUM'],
    [`${I}2026-002.yaml`, 25, 10, 'data_subjects.count', 'DL-SCHEMA-RANGE'],
    [`${I}2026-002.yaml`, 30, 7, 'measures.taken[2]', 'DL-SCHEMA-TYPE'],
    [`${I}2026-003.yaml`, 8, 3, 'reporter.mail', 'DL-SCHEMA-UNKNOWN-FIELD'],
    [`${I}2026-003.yaml`, 9, 1, 'timeline.aware_at', 'DL-SCHEMA-REQUIRED'],
    [`${I}2026-003.yaml`, 11, 3, 'timeline.aware', 'DL-SCHEMA-UNKNOWN-FIELD'],
    [`${I}2026-003.yaml`, 21, 1, 'data_subject', 'DL-SCHEMA-UNKNOWN-FIELD'],
    [`${I}2026-004.yaml`, 13, 9, 'what.kind', 'DL-SCHEMA-ENUM'],
    [`${I}2026-004.yaml`, 16, 7, 'what.nature[1]', 'DL-SCHEMA-ENUM'],
    [`${I}2026-004.yaml`, 18, 3, 'what.integrity_recoverable', 'DL-SCHEMA-NOT-ALLOWED'],
    [`${I}2026-004.yaml`, 24, 10, 'risk_assessment.level', 'DL-SCHEMA-ENUM'],
    [`${I}2026-005.yaml`, 9, 15, 'timeline.started_at', 'DL-SCHEMA-FORMAT'],
    [`${I}2026-005.yaml`, 10, 18, 'timeline.discovered_at', 'DL-SCHEMA-FORMAT'],
    [`${I}2026-005.yaml`, 11, 13, 'timeline.aware_at', 'DL-SCHEMA-FORMAT'],
    [`${I}2026-005.yaml`, 12, 14, 'timeline.closed_at', 'DL-SCHEMA-FORMAT'],
    [`${I}2026-005.yaml`, 24, 14, 'checklist.assess_risk.done_at', 'DL-SCHEMA-FORMAT'],
    [`${I}2026-006.yaml`, 3, 5, '', 'DL-YAML-SYNTAX'],
    [`${I}2026-007.yaml`, 0, 0, '', 'DL-YAML-EMPTY'],
    [`${I}2026-008.yaml`, 2, 1, '', 'DL-YAML-NOT-A-MAPPING'],
    [`${I}2026-009.yaml`, 6, 1, '', 'DL-YAML-DUPLICATE-KEY'],
    [`${I}2026-010-kopie.yaml`, 3, 5, 'id', 'DL-RULE-DUPLICATE-ID'],
    [`${I}2026-010-kopie.yaml`, 3, 5, 'id', 'DL-RULE-FILE-NAME'],
    [`${I}2026-010-kopie.yaml`, 4, 15, 'organisation', 'DL-RULE-UNKNOWN-ORG'],
    [`${I}2026-010-kopie.yaml`, 4, 15, 'organisation', 'DL-RULE-FOLDER-ORG'],
    [`${I}2026-010.yaml`, 3, 5, 'id', 'DL-RULE-DUPLICATE-ID'],
    [`${I}2026-011.yaml`, 9, 3, 'timeline.ended_at', 'DL-SCHEMA-NOT-ALLOWED'],
    [`${I}2026-011.yaml`, 24, 3, 'data_subjects.count_max', 'DL-SCHEMA-DEPENDENT'],
    [`${I}2026-011.yaml`, 24, 3, 'data_subjects.count_min', 'DL-SCHEMA-NOT-ALLOWED'],
    ['templates/kantoor-oost/organisation.yaml', 9, 12, 'address.country', 'DL-SCHEMA-ENUM'],
    ['templates/kantoor-oost/organisation.yaml', 10, 22, 'chamber_of_commerce', 'DL-SCHEMA-TYPE'],
    ['templates/kantoor-oost/organisation.yaml', 11, 9, 'sector', 'DL-SCHEMA-ENUM'],
    ['templates/kantoor-oost/organisation.yaml', 13, 28, 'wft_financial_undertaking', 'DL-SCHEMA-TYPE'],
    ['templates/kantoor-oost/organisation.yaml', 14, 1, 'contacts.management', 'DL-SCHEMA-REQUIRED'],
    ['templates/kantoor-oost/organisation.yaml', 17, 12, 'contacts.breach_officer.email', 'DL-SCHEMA-FORMAT'],
    ['templates/kantoor-zuid/organisation.yaml', 3, 5, 'id', 'DL-RULE-ORG-FOLDER-MISMATCH'],
  ];

  it('reports every problem of every file in one run, sorted, at the exact place', async () => {
    const { read, result } = await load('broken');
    expect(read.diagnostics).toEqual([]);
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.field, d.code])).toEqual(expected);
  });

  it.each(expected)('%s:%i:%i %s is %s', async (file, line, column, field, code) => {
    const { result } = await load('broken');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ file, line, column, field, code }));
  });

  it('files with errors are left out; the valid organisation stays', async () => {
    const { result } = await load('broken');
    expect(result.incidents).toEqual([]);
    expect(result.organisations.map((o) => o.file)).toEqual(['templates/kantoor-linde/organisation.yaml']);
  });

  const messages: [file: string, field: string, message: string][] = [
    [`${I}2026-002.yaml`, 'personal_data.records', "must be a whole number, 0 or more; found the text 'twaalf'"],
    [`${I}2026-002.yaml`, 'data_subjects.count', 'must be a whole number, 0 or more; found -3'],
    [`${I}2026-002.yaml`, 'measures.taken[2]', 'must be text (not empty); found the number 42'],
    [`${I}2026-003.yaml`, 'timeline.aware', "is not a known field; did you mean 'aware_at'?"],
    [`${I}2026-003.yaml`, 'data_subject', "is not a known field; did you mean 'data_subjects'?"],
    [`${I}2026-003.yaml`, 'reporter.mail', "is not a known field; did you mean 'email'?"],
    [`${I}2026-003.yaml`, 'timeline.aware_at', 'is required but missing (Kennisname)'],
    [`${I}2026-004.yaml`, 'what.nature[1]', "must be one of: confidentiality, integrity, availability; found 'integrty'; did you mean 'integrity'?"],
    [`${I}2026-004.yaml`, 'risk_assessment.level', "must be one of: none, risk, high; found 'hoog'"],
    [
      `${I}2026-005.yaml`,
      'timeline.discovered_at',
      "must be a date and time with its UTC offset, e.g. 2026-03-02T14:30:00+01:00; found '2026-04-04 09:00': the UTC offset (e.g. +01:00) is missing",
    ],
    [
      `${I}2026-005.yaml`,
      'timeline.started_at',
      "must be a date and time with its UTC offset, e.g. 2026-03-02T14:30:00+01:00, or a date written as YYYY-MM-DD, e.g. 2026-03-02; found '2026-02-30': that date does not exist",
    ],
    [`${I}2026-011.yaml`, 'data_subjects.count_max', 'is required when count_min is given'],
    ['templates/kantoor-oost/organisation.yaml', 'wft_financial_undertaking', "must be true or false; found the text 'nee'"],
    ['templates/kantoor-oost/organisation.yaml', 'address.country', "must be one of: NL, BE; found 'DE'"],
  ];
  it.each(messages)('%s %s says: %s', async (file, field, message) => {
    const { result } = await load('broken');
    expect(result.diagnostics.find((d) => d.file === file && d.field === field)?.message).toBe(message);
  });

  it('the hint of a schema error with a Dutch explanation in the schema uses it', async () => {
    const { result } = await load('broken');
    const d = result.diagnostics.find((x) => x.field === 'timeline.ended_at')!;
    expect(d.message).toBe('is not allowed here (Einde bij voortdurend datalek)');
    expect(d.hint).toMatch(/laat ended_at weg/);
  });
});

describe('readSources with paths', () => {
  it('narrows incidents to the paths given, and always reads organisations', async () => {
    const root = path.join(FIXTURES, 'broken');
    const { sources, diagnostics } = await readSources(root, ['incidents/kantoor-linde/2026-010.yaml']);
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => [s.file, s.kind])).toEqual([
      ['incidents/kantoor-linde/2026-010.yaml', 'incident'],
      ['templates/kantoor-linde/organisation.yaml', 'organisation'],
      ['templates/kantoor-oost/organisation.yaml', 'organisation'],
      ['templates/kantoor-zuid/organisation.yaml', 'organisation'],
    ]);
    // Alone, 2026-010 has no duplicate.
    const r = validateSources(sources, { now: NOW });
    expect(r.diagnostics.filter((d) => d.file.startsWith('incidents/'))).toEqual([]);
    expect(r.incidents.map((i) => i.file)).toEqual(['incidents/kantoor-linde/2026-010.yaml']);
  });
});
