import { describe, expect, it } from 'vitest';
import { criteriaProblems, describeCriteria, localDay, mayBelong, selectIncidents, selectionName, type Candidate, type SelectionCriteria } from '../../src/audit/index.js';

const AMS = 'Europe/Amsterdam';
const incidents: Candidate[] = [
  { id: '2026-004', organisation: 'van-dam', awareAt: '2026-06-08T11:00:00+02:00', zone: AMS },
  { id: '2026-001', organisation: 'van-dam', awareAt: '2026-02-10T19:25:00+01:00', zone: AMS },
  // 00:30 on 16 October in Amsterdam, still 15 October in UTC.
  { id: '2026-006', organisation: 'van-dam', awareAt: '2026-10-15T22:30:00Z', zone: AMS },
  // 23:30 on 30 June in Brussels (21:30 UTC).
  { id: '2026-201', organisation: 'claes', awareAt: '2026-06-30T23:30:00+02:00', zone: 'Europe/Brussels' },
  // 23:30 UTC on 31 December is 1 January in Brussels.
  { id: '2026-202', organisation: 'claes', awareAt: '2026-12-31T23:30:00Z', zone: 'Europe/Brussels' },
];

const ids = (c: SelectionCriteria) => selectIncidents(incidents, c).map((x) => `${x.organisation}/${x.id}`);

describe('selectIncidents', () => {
  it.each<[string, SelectionCriteria, string[]]>([
    ['everything', {}, ['claes/2026-201', 'claes/2026-202', 'van-dam/2026-001', 'van-dam/2026-004', 'van-dam/2026-006']],
    ['one incident', { incidents: ['2026-004'] }, ['van-dam/2026-004']],
    ['several incidents', { incidents: ['2026-201', '2026-001'] }, ['claes/2026-201', 'van-dam/2026-001']],
    ['an organisation', { organisations: ['claes'] }, ['claes/2026-201', 'claes/2026-202']],
    ['an incident of another organisation', { incidents: ['2026-004'], organisations: ['claes'] }, []],
    ['a period, both ends inclusive', { from: '2026-06-08', to: '2026-06-30' }, ['claes/2026-201', 'van-dam/2026-004']],
    ['from only', { from: '2026-10-16' }, ['claes/2026-202', 'van-dam/2026-006']],
    ['to only', { to: '2026-02-10' }, ['van-dam/2026-001']],
    ['a period and an organisation', { organisations: ['van-dam'], from: '2026-06-01' }, ['van-dam/2026-004', 'van-dam/2026-006']],
    ['the day in the office zone, not in UTC (Amsterdam)', { to: '2026-10-15' }, ['claes/2026-201', 'van-dam/2026-001', 'van-dam/2026-004']],
    ['the day in the office zone, not in UTC (Brussels, new year)', { from: '2027-01-01', to: '2027-01-01' }, ['claes/2026-202']],
    ['unknown id', { incidents: ['2026-999'] }, []],
  ])('%s', (_name, criteria, expected) => {
    expect(ids(criteria)).toEqual(expected);
  });

  it('reads calendar days in the given zone', () => {
    expect(localDay('2026-10-15T22:30:00Z', AMS)).toBe('2026-10-16');
    expect(localDay('2026-10-15T22:30:00Z', 'UTC')).toBe('2026-10-15');
    expect(localDay('2026-03-29T00:59:00Z', AMS)).toBe('2026-03-29');
  });
});

describe('criteriaProblems', () => {
  it.each<[SelectionCriteria, RegExp | null]>([
    [{ from: '2026-01-01', to: '2026-12-31' }, null],
    [{ from: '2026-02-30' }, /--from must be a calendar day/],
    [{ to: '31-12-2026' }, /--to must be a calendar day/],
    [{ from: '2026-07-01', to: '2026-06-30' }, /after --to/],
    [{ incidents: [''] }, /need a value/],
  ])('%j', (criteria, expected) => {
    const problems = criteriaProblems(criteria);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(expected);
  });
});

describe('names and descriptions', () => {
  it.each<[SelectionCriteria, string]>([
    [{}, 'all'],
    [{ incidents: ['2026-004'] }, '2026-004'],
    [{ organisations: ['van-dam-advocaten'] }, 'van-dam-advocaten'],
    [{ organisations: ['b', 'a'], from: '2026-01-01', to: '2026-06-30' }, 'a+b_2026-01-01_2026-06-30'],
    [{ from: '2026-07-01' }, 'from-2026-07-01'],
    [{ to: '2026-07-01' }, 'to-2026-07-01'],
    [{ incidents: ['../../etc/passwd'] }, 'etc-passwd'],
  ])('%j is named %s', (criteria, name) => {
    expect(selectionName(criteria)).toBe(name);
  });

  it('describes the criteria in words', () => {
    expect(describeCriteria({ organisations: ['x'], from: '2026-01-01', to: '2026-06-30' })).toBe('organisation x, aware from 2026-01-01 to 2026-06-30 (inclusive)');
    expect(describeCriteria({})).toBe('all incidents');
  });
});

describe('mayBelong (files that could not be triaged)', () => {
  it.each<[string, SelectionCriteria, boolean]>([
    ['incidents/van-dam/2026-009.yaml', {}, true],
    ['incidents/van-dam/2026-009.yaml', { organisations: ['claes'] }, false],
    ['incidents/van-dam/2026-009.yaml', { organisations: ['van-dam'], from: '2026-01-01' }, true],
    ['incidents/van-dam/2026-009.yaml', { incidents: ['2026-004'] }, false],
    ['incidents/van-dam/2026-004.yaml', { incidents: ['2026-004'] }, true],
    ['incidents/loose.yaml', { organisations: ['claes'] }, true],
  ])('%s with %j: %s', (file, criteria, expected) => {
    expect(mayBelong(file, criteria)).toBe(expected);
  });
});
