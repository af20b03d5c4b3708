/**
 * Cross-field and cross-file rules, table-driven: each case changes the valid fixture incident
 * (test/fixtures/validate/project/incidents/kantoor-linde/2026-001.yaml) in memory and expects
 * exactly the listed diagnostics, each pointing at the line of its field.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { SourceFile } from '../../src/load/sources.js';
import { RULES, validateSources } from '../../src/validate/index.js';
import { onlyWeakReasons } from '../../src/validate/rules/authority.js';
import { fixture, NOW, source } from './helpers.js';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE_FILE = 'incidents/kantoor-linde/2026-001.yaml';
const HEADER = '# yaml-language-server: $schema=../../schemas/incident.schema.json\n';
const base = (): Obj => parse(fixture('project/' + BASE_FILE)) as Obj;
const ORGS = ['kantoor-linde', 'hoek-verzekeringen', 'atelier-maes'];
const orgText = (id: string) => fixture(`project/templates/${id}/organisation.yaml`);
const orgSources = (): SourceFile[] => ORGS.map((id) => source(`templates/${id}/organisation.yaml`, orgText(id), 'organisation'));

function incidentSource(patch: (i: Obj) => void, file = BASE_FILE): SourceFile {
  const inc = base();
  patch(inc);
  return source(file, HEADER + stringify(inc));
}

/** The line of a diagnostic names its field (or the field is absent and the parent is shown). */
function pointsAtField(text: string, d: Diagnostic): boolean {
  const keys = d.field.match(/[A-Za-z_][\w-]*/g) ?? [];
  const key = keys[keys.length - 1];
  if (!key) return d.line > 0;
  const line = text.split('\n')[d.line - 1] ?? '';
  if (line.includes(`${key}:`)) return true;
  if (/\]$/.test(d.field) && line.trim().startsWith('-')) return true;
  return !text.includes(`${key}:`); // missing field: points at the group that should hold it
}

function check(sources: SourceFile[]) {
  const result = validateSources(sources, { now: NOW });
  for (const d of result.diagnostics) {
    const s = sources.find((x) => x.file === d.file);
    if (s) expect(pointsAtField(s.text, d), `${d.code} ${d.field} at ${d.line}`).toBe(true);
  }
  return result;
}

const got = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.field, d.severity]);

describe('the base incident', () => {
  it('is valid and free of warnings', () => {
    const r = check([...orgSources(), incidentSource(() => {})]);
    expect(r.diagnostics).toEqual([]);
    expect(r.incidents).toHaveLength(1);
  });
});

type Case = { name: string; patch: (i: Obj) => void; expect: [code: string, field: string, severity: 'error' | 'warning'][]; file?: string };
const E = 'error' as const;
const W = 'warning' as const;

const cases: Case[] = [
  // identity
  {
    name: 'unknown organisation, with a suggestion',
    patch: (i) => (i.organisation = 'kantoor-lind'),
    expect: [
      ['DL-RULE-UNKNOWN-ORG', 'organisation', E],
      ['DL-RULE-FOLDER-ORG', 'organisation', W],
    ],
  },
  { name: 'file name differs from the id', patch: () => {}, file: 'incidents/kantoor-linde/anders.yaml', expect: [['DL-RULE-FILE-NAME', 'id', W]] },
  // timeline
  {
    name: 'discovery and awareness before the start',
    patch: (i) => {
      i.timeline.started_at = '2026-03-02T11:45:00+01:00';
      delete i.timeline.ended_at;
    },
    expect: [
      ['DL-RULE-DISCOVERED-BEFORE-START', 'timeline.discovered_at', E],
      ['DL-RULE-AWARE-BEFORE-START', 'timeline.aware_at', E],
    ],
  },
  {
    name: 'a start given as a later day',
    patch: (i) => {
      i.timeline.started_at = '2026-03-03';
      delete i.timeline.ended_at;
    },
    expect: [
      ['DL-RULE-DISCOVERED-BEFORE-START', 'timeline.discovered_at', E],
      ['DL-RULE-AWARE-BEFORE-START', 'timeline.aware_at', E],
    ],
  },
  {
    name: 'a start given as the same day is fine',
    patch: (i) => {
      i.timeline.started_at = '2026-03-02';
      i.timeline.ended_at = '2026-03-02';
    },
    expect: [],
  },
  {
    name: 'awareness before discovery',
    patch: (i) => (i.timeline.aware_at = '2026-03-02T10:30:00+01:00'),
    expect: [['DL-RULE-AWARE-BEFORE-DISCOVERY', 'timeline.aware_at', E]],
  },
  {
    name: 'a long investigation before awareness',
    patch: (i) => {
      i.timeline.aware_at = '2026-03-06T11:30:00+01:00';
      i.checklist.assess_risk.done_at = '2026-03-06T15:00:00+01:00';
      i.risk_assessment.assessed_at = '2026-03-06T15:00:00+01:00';
    },
    expect: [['DL-RULE-LONG-INVESTIGATION', 'timeline.aware_at', W]],
  },
  { name: 'ended before it started', patch: (i) => (i.timeline.ended_at = '2026-03-02T10:00:00+01:00'), expect: [['DL-RULE-ENDED-BEFORE-START', 'timeline.ended_at', E]] },
  {
    name: 'closed while ongoing',
    patch: (i) => {
      delete i.timeline.ended_at;
      i.timeline.ongoing = true;
      i.timeline.closed_at = '2026-03-10T10:00:00+01:00';
    },
    expect: [['DL-RULE-CLOSED-WHILE-ONGOING', 'timeline.closed_at', E]],
  },
  { name: 'closed before awareness', patch: (i) => (i.timeline.closed_at = '2026-03-02T11:10:00+01:00'), expect: [['DL-RULE-CLOSED-BEFORE-AWARE', 'timeline.closed_at', E]] },
  {
    name: 'moments in the future',
    patch: (i) => {
      i.insurer_informed_at = '2027-01-04T10:00:00+01:00';
      i.checklist.improve = { owner: 'Mira Olthof', done_at: '2026-11-22T13:00:01+01:00' };
    },
    expect: [
      ['DL-RULE-FUTURE-INSTANT', 'checklist.improve.done_at', E],
      ['DL-RULE-FUTURE-INSTANT', 'insurer_informed_at', E],
    ],
  },
  { name: 'now itself is not the future', patch: (i) => (i.insurer_informed_at = '2026-11-22T13:00:00+01:00'), expect: [] },
  {
    name: 'risk assessed before discovery',
    patch: (i) => (i.risk_assessment.assessed_at = '2026-03-02T10:00:00+01:00'),
    expect: [['DL-RULE-ASSESSED-BEFORE-DISCOVERY', 'risk_assessment.assessed_at', E]],
  },
  {
    name: 'police report before discovery',
    patch: (i) => (i.police_report = { filed: true, at: '2026-03-01T10:00:00+01:00' }),
    expect: [['DL-RULE-BEFORE-DISCOVERY', 'police_report.at', W]],
  },
  // authority
  {
    name: 'notified before discovery',
    patch: (i) => (i.authority = { notified_at: '2026-03-02T10:30:00+01:00' }),
    expect: [['DL-RULE-NOTIFIED-BEFORE-AWARE', 'authority.notified_at', E]],
  },
  {
    name: 'notified before awareness',
    patch: (i) => (i.authority = { notified_at: '2026-03-02T11:15:00+01:00' }),
    expect: [['DL-RULE-NOTIFIED-BEFORE-AWARE', 'authority.notified_at', E]],
  },
  {
    name: 'notified after 72 hours without reasons',
    patch: (i) => (i.authority = { notified_at: '2026-03-05T12:00:00+01:00' }),
    expect: [['DL-RULE-LATE-WITHOUT-REASONS', 'authority.notified_at', E]],
  },
  { name: 'notified at exactly 72 hours', patch: (i) => (i.authority = { notified_at: '2026-03-05T11:30:00+01:00' }), expect: [] },
  {
    name: '72 hours across the change to summer time',
    patch: (i) => {
      i.timeline.discovered_at = '2026-03-27T11:00:00+01:00';
      i.timeline.aware_at = '2026-03-27T11:30:00+01:00';
      i.checklist.identify_and_contain.done_at = '2026-03-27T12:00:00+01:00';
      i.checklist.assess_risk.done_at = '2026-03-27T15:00:00+01:00';
      i.risk_assessment.assessed_at = '2026-03-27T15:00:00+01:00';
      delete i.timeline.started_at;
      delete i.timeline.ended_at;
      // 11:30 +01:00 plus 72 h is 12:30 summer time (+02:00) on 30 March.
      i.authority = { notified_at: '2026-03-30T12:45:00+02:00' };
    },
    expect: [['DL-RULE-LATE-WITHOUT-REASONS', 'authority.notified_at', E]],
  },
  {
    name: 'late, with reasons that only name the weekend and workload',
    patch: (i) => (i.authority = { notified_at: '2026-03-06T12:00:00+01:00', late_reasons: 'Vanwege het weekend en de drukte op kantoor.' }),
    expect: [['DL-RULE-LATE-REASONS-WEAK', 'authority.late_reasons', W]],
  },
  {
    name: 'late, with real reasons',
    patch: (i) =>
      (i.authority = {
        notified_at: '2026-03-06T12:00:00+01:00',
        late_reasons: 'De verwerker leverde de serverlogs pas op 5 maart; eerder was niet vast te stellen welke dossiers geraakt waren.',
      }),
    expect: [],
  },
  {
    name: 'a risk assessed, the 72 hours passed, nothing recorded',
    patch: (i) => {
      i.risk_assessment.level = 'risk';
      delete i.authority;
    },
    expect: [['DL-RULE-NOTIFICATION-OVERDUE', 'authority.notified_at', W]],
  },
  {
    name: 'a follow-up before the initial notification',
    patch: (i) =>
      (i.authority = {
        notified_at: '2026-03-03T10:00:00+01:00',
        follow_ups: [
          { at: '2026-03-04T10:00:00+01:00', kind: 'supplement', summary: 'Aantal betrokkenen aangevuld.' },
          { at: '2026-03-03T09:00:00+01:00', kind: 'correction', summary: 'Datum gecorrigeerd.' },
        ],
      }),
    expect: [['DL-RULE-FOLLOW-UP-BEFORE-NOTIFICATION', 'authority.follow_ups[1].at', E]],
  },
  {
    name: 'a follow-up without an initial notification',
    patch: (i) => (i.authority = { follow_ups: [{ at: '2026-03-04T10:00:00+01:00', kind: 'supplement', summary: 'Aanvulling.' }] }),
    expect: [['DL-RULE-FOLLOW-UP-WITHOUT-NOTIFICATION', 'authority.follow_ups', E]],
  },
  {
    name: 'notified and a reason for not notifying',
    patch: (i) => (i.authority.notified_at = '2026-03-03T10:00:00+01:00'),
    expect: [['DL-RULE-NOTIFIED-WITH-NOT-NOTIFIED-REASON', 'authority.not_notified_reason', W]],
  },
  { name: 'a reference without a notification', patch: (i) => (i.authority.reference = 'M-2026-0001'), expect: [['DL-RULE-REFERENCE-WITHOUT-NOTIFICATION', 'authority.reference', W]] },
  // data subjects
  {
    name: 'an exemption without grounds (only spaces)',
    patch: (i) => (i.communication = { exemption: { ground: 'subsequent_measures', grounds: '            ' } }),
    expect: [['DL-RULE-EXEMPTION-WITHOUT-GROUNDS', 'communication.exemption.grounds', E]],
  },
  {
    name: 'disproportionate effort without a public communication (only spaces)',
    patch: (i) => (i.communication = { exemption: { ground: 'disproportionate_effort', grounds: 'Adressen van de betrokkenen zijn onbekend.', public_communication: '  ' } }),
    expect: [['DL-RULE-EFFORT-WITHOUT-PUBLIC-COMMUNICATION', 'communication.exemption.ground', E]],
  },
  {
    name: 'encryption exemption without encryption',
    patch: (i) => (i.communication = { exemption: { ground: 'encryption', grounds: 'De gegevens waren versleuteld, zeggen wij.' } }),
    expect: [['DL-RULE-ENCRYPTION-EXEMPTION-UNFOUNDED', 'communication.exemption.ground', E]],
  },
  {
    name: 'encryption exemption with a compromised key',
    patch: (i) => {
      i.protection = { measure: 'encrypted', state_of_the_art: true, key_compromised: true };
      i.communication = { exemption: { ground: 'encryption', grounds: 'De laptop had volledige schijfversleuteling.' } };
    },
    expect: [['DL-RULE-ENCRYPTION-EXEMPTION-UNFOUNDED', 'communication.exemption.ground', E]],
  },
  {
    name: 'high risk, nobody informed, nothing planned, no exemption',
    patch: (i) => {
      i.risk_assessment.level = 'high';
      i.authority = { notified_at: '2026-03-03T10:00:00+01:00' };
    },
    expect: [['DL-RULE-HIGH-RISK-NOT-COMMUNICATED', 'risk_assessment.level', E]],
  },
  {
    name: 'high risk with informing planned',
    patch: (i) => {
      i.risk_assessment.level = 'high';
      i.authority = { notified_at: '2026-03-03T10:00:00+01:00' };
      i.communication = { planned: true };
    },
    expect: [],
  },
  {
    name: 'informed and exempted',
    patch: (i) =>
      (i.communication = {
        informed_at: '2026-03-03T10:00:00+01:00',
        exemption: { ground: 'subsequent_measures', grounds: 'De ontvanger heeft alles verwijderd.' },
      }),
    expect: [['DL-RULE-INFORMED-AND-EXEMPTED', 'communication.exemption', W]],
  },
  {
    name: 'informed after a public communication (disproportionate effort) is fine',
    patch: (i) =>
      (i.communication = {
        informed_at: '2026-03-03T10:00:00+01:00',
        exemption: { ground: 'disproportionate_effort', grounds: 'Adressen zijn onbekend.', public_communication: 'Bericht op de website.' },
      }),
    expect: [],
  },
  { name: 'informed but still planned', patch: (i) => (i.communication = { informed_at: '2026-03-03T10:00:00+01:00', planned: true }), expect: [['DL-RULE-INFORMED-AND-PLANNED', 'communication.planned', W]] },
  { name: 'informed before awareness', patch: (i) => (i.communication = { informed_at: '2026-03-02T11:20:00+01:00' }), expect: [['DL-RULE-INFORMED-BEFORE-AWARE', 'communication.informed_at', E]] },
  {
    name: 'Wft exemption claimed by a Belgian office',
    file: 'incidents/atelier-maes/2026-001.yaml',
    patch: (i) => {
      i.organisation = 'atelier-maes';
      i.communication = { exemption: { ground: 'financial_undertaking', grounds: 'Wij zijn een financiële onderneming.' } };
    },
    expect: [['DL-RULE-WFT-BELGIUM', 'communication.exemption.ground', E]],
  },
  {
    name: 'Wft exemption claimed by a Dutch law firm',
    patch: (i) => (i.communication = { exemption: { ground: 'financial_undertaking', grounds: 'Wij zijn een financiële onderneming.' } }),
    expect: [['DL-RULE-WFT-NOT-FINANCIAL', 'communication.exemption.ground', E]],
  },
  {
    name: 'Wft exemption claimed by a Dutch insurance intermediary is fine',
    file: 'incidents/hoek-verzekeringen/2026-001.yaml',
    patch: (i) => {
      i.organisation = 'hoek-verzekeringen';
      i.communication = { exemption: { ground: 'financial_undertaking', grounds: 'Financiële onderneming in de zin van de Wft (UAVG art. 42).' } };
    },
    expect: [],
  },
  // data and risk
  {
    name: 'count_min above count_max',
    patch: (i) => {
      delete i.data_subjects.count;
      i.data_subjects.count_min = 10;
      i.data_subjects.count_max = 5;
    },
    expect: [['DL-RULE-COUNT-RANGE', 'data_subjects.count_min', E]],
  },
  { name: 'more people informed than affected', patch: (i) => (i.communication = { count: 5 }), expect: [['DL-RULE-INFORMED-COUNT-EXCEEDS', 'communication.count', W]] },
  { name: 'risk not assessed by a person', patch: (i) => delete i.risk_assessment, expect: [['DL-RULE-RISK-NOT-ASSESSED', 'risk_assessment', W]] },
  {
    name: 'no personal data, yet kinds listed',
    patch: (i) => (i.personal_data.involved = false),
    expect: [['DL-RULE-NO-PERSONAL-DATA-DETAILS', 'personal_data.involved', W]],
  },
  {
    name: 'availability lost without saying how',
    patch: (i) => i.what.nature.push('availability'),
    expect: [['DL-RULE-NATURE-DETAIL-MISSING', 'what.nature', W]],
  },
  {
    name: 'deletion confirmed but not recorded',
    patch: (i) => (i.containment.deleted_by_recipient = false),
    expect: [['DL-RULE-DELETION-NOT-RECORDED', 'containment.deletion_confirmed_in_writing', W]],
  },
  { name: 'police details without a report', patch: (i) => (i.police_report = { filed: false, reference: 'PV-123' }), expect: [['DL-RULE-POLICE-DETAILS-NOT-FILED', 'police_report.filed', W]] },
  // checklist
  {
    name: 'closed with open checklist steps',
    patch: (i) => {
      i.timeline.closed_at = '2026-03-10T10:00:00+01:00';
      i.checklist.improve = { owner: 'Jasper Linde' };
    },
    expect: [['DL-RULE-CLOSED-OPEN-STEPS', 'timeline.closed_at', W]],
  },
  {
    name: 'checklist steps done before awareness / discovery',
    patch: (i) => {
      i.checklist.identify_and_contain.done_at = '2026-03-02T10:59:00+01:00';
      i.checklist.assess_risk.done_at = '2026-03-02T11:15:00+01:00';
    },
    expect: [
      ['DL-RULE-STEP-BEFORE-AWARE', 'checklist.identify_and_contain.done_at', W],
      ['DL-RULE-STEP-BEFORE-AWARE', 'checklist.assess_risk.done_at', W],
    ],
  },
];

describe('incident rules', () => {
  it.each(cases)('$name', (c) => {
    const file = c.file ?? BASE_FILE;
    const r = check([...orgSources(), incidentSource(c.patch, file)]);
    const mine = r.diagnostics.filter((d) => d.file === file);
    expect(got(mine).sort()).toEqual([...c.expect].sort());
    expect(r.diagnostics.filter((d) => d.file !== file)).toEqual([]);
    // Files with only warnings are kept; files with an error are not.
    const hasError = c.expect.some(([, , s]) => s === 'error');
    expect(r.incidents.map((i) => i.file)).toEqual(hasError ? [] : [file]);
  });

  it('duplicate ids are reported on every file that uses the id', () => {
    const r = check([...orgSources(), incidentSource(() => {}), incidentSource(() => {}, 'incidents/kantoor-linde/2026-001-b.yaml')]);
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['incidents/kantoor-linde/2026-001-b.yaml', 'DL-RULE-DUPLICATE-ID'],
      ['incidents/kantoor-linde/2026-001-b.yaml', 'DL-RULE-FILE-NAME'],
      [BASE_FILE, 'DL-RULE-DUPLICATE-ID'],
    ]);
    expect(r.diagnostics[2]!.message).toBe("the incident id '2026-001' is also used in incidents/kantoor-linde/2026-001-b.yaml");
  });

  it('an incident is not flagged as of an unknown organisation when that organisation file is merely invalid', () => {
    const badOrg = orgText('kantoor-linde').replace('sector: legal', 'sector: advocatuur');
    const r = check([source('templates/kantoor-linde/organisation.yaml', badOrg, 'organisation'), incidentSource(() => {})]);
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([['templates/kantoor-linde/organisation.yaml', 'DL-SCHEMA-ENUM']]);
  });

  it('rules that the schema already enforces still hold with a looser schema', () => {
    const loose = { incident: { type: 'object' }, organisation: { type: 'object' } };
    const inc = base();
    inc.timeline.ongoing = true;
    inc.data_subjects.count_min = 2;
    inc.data_subjects.count_max = 3;
    const r = validateSources([...orgSources(), source(BASE_FILE, stringify(inc))], { now: NOW, schemas: loose });
    expect(got(r.diagnostics.filter((d) => d.file === BASE_FILE))).toEqual([
      ['DL-RULE-ENDED-WHILE-ONGOING', 'timeline.ongoing', 'error'],
      ['DL-RULE-COUNT-OUTSIDE-RANGE', 'data_subjects.count', 'error'],
    ]);
  });

  it('a failing rule becomes a diagnostic and the other rules still run', () => {
    const boom = { name: 'boom', description: 'throws', check: () => { throw new Error('kapot'); } };
    const r = validateSources([...orgSources(), incidentSource((i) => delete i.risk_assessment)], { now: NOW, rules: [boom, ...RULES] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['DL-INTERNAL-RULE', 'DL-RULE-RISK-NOT-ASSESSED']);
  });
});

describe('organisation rules', () => {
  const orgCases: { name: string; id: string; edit: (t: string) => string; expect: [string, string, 'error' | 'warning'][] }[] = [
    { name: 'id differs from its folder', id: 'kantoor-linde', edit: (t) => t.replace('id: kantoor-linde', 'id: kantoor-lind'), expect: [['DL-RULE-ORG-FOLDER-MISMATCH', 'id', E]] },
    {
      name: 'a Belgian Wft undertaking',
      id: 'atelier-maes',
      edit: (t) => t.replace('wft_financial_undertaking: false', 'wft_financial_undertaking: true'),
      expect: [['DL-RULE-WFT-OUTSIDE-NL', 'wft_financial_undertaking', E]],
    },
    { name: 'a Dutch office with the GBA', id: 'kantoor-linde', edit: (t) => t.replace('country: NL\nwft', 'country: NL\nauthority: GBA\nwft'), expect: [['DL-RULE-AUTHORITY-COUNTRY', 'authority', W]] },
    {
      name: 'an address abroad',
      id: 'kantoor-linde',
      edit: (t) => t.replace('postcode: 9999 XA', 'postcode: "9999"').replace('  country: NL', '  country: BE'),
      expect: [['DL-RULE-ADDRESS-COUNTRY', 'address.country', W]],
    },
    { name: 'an unknown time zone', id: 'kantoor-linde', edit: (t) => t + 'time_zone: Europe/Atlantis\n', expect: [['DL-RULE-TIME-ZONE', 'time_zone', E]] },
    { name: 'English for the GBA', id: 'atelier-maes', edit: (t) => t.replace('language: nl', 'language: en'), expect: [['DL-RULE-LANGUAGE-AUTHORITY', 'language', W]] },
  ];
  it.each(orgCases)('$name', (c) => {
    const file = `templates/${c.id}/organisation.yaml`;
    const sources = orgSources().map((s) => (s.file === file ? { ...s, text: c.edit(s.text) } : s));
    const r = check(sources);
    expect(got(r.diagnostics)).toEqual(c.expect);
  });

  it('two organisations with one id', () => {
    const copy = source('templates/kantoor-linde-2/organisation.yaml', orgText('kantoor-linde'), 'organisation');
    const r = check([...orgSources(), copy]);
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['templates/kantoor-linde-2/organisation.yaml', 'DL-RULE-ORG-FOLDER-MISMATCH'],
      ['templates/kantoor-linde-2/organisation.yaml', 'DL-RULE-DUPLICATE-ORG-ID'],
      ['templates/kantoor-linde/organisation.yaml', 'DL-RULE-DUPLICATE-ORG-ID'],
    ]);
  });
});

describe('weak reasons for lateness', () => {
  it.each([
    ['Het was weekend.', true],
    ['Due to the weekend and the holidays.', true],
    ['Drukte op kantoor door de vakantieperiode', true],
    ['Werkdruk', true],
    ['Het weekend, maar vooral: de forensische analyse van de server duurde tot dinsdag.', false],
    ['De verwerker meldde het lek pas na vier dagen aan ons.', false],
  ])('%s -> weak: %s', (text, weak) => {
    expect(onlyWeakReasons(text) !== undefined).toBe(weak);
  });
});
