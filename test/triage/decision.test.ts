/** Table-driven: every branch of the decision tree and every exemption. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exemption, Incident } from '../../src/model/incident.js';
import type { Organisation } from '../../src/model/organisation.js';
import { loadRiskPolicy, triage, type RiskPolicy } from '../../src/triage/index.js';
import { anIncident, anOrganisation, assessed, belgianOffice, dutchWftOffice, merge, type DeepPartial } from './builders.js';

let policy: RiskPolicy;
beforeAll(async () => {
  policy = await loadRiskPolicy();
});

const NOW = new Date('2026-03-28T12:00:00Z');

interface Row {
  name: string;
  org?: Organisation;
  incident: Incident;
  breach: boolean;
  personalData?: boolean;
  notifyAuthority: boolean;
  notifyDataSubjects: boolean;
  exemption?: Exemption | null;
  /** Steps taken, in order. */
  steps: (number | string)[];
  /** Answers of those steps, in order (only the ones given). */
  answers?: string[];
  warnings?: RegExp[];
  noWarning?: RegExp[];
}

const encrypted = { measure: 'encrypted', state_of_the_art: true, key_compromised: false } as const;
const high = (patch?: DeepPartial<Incident>) => assessed('high', patch);

const rows: Row[] = [
  {
    name: 'step 1: no personal data: no breach, no duties, still registered',
    incident: anIncident({ personal_data: { involved: false, kinds: [] } }),
    personalData: false,
    breach: false,
    notifyAuthority: false,
    notifyDataSubjects: false,
    steps: [1],
    answers: ['no'],
  },
  {
    name: 'step 2: availability lost without backup: breach',
    incident: assessed('risk', {
      what: { nature: ['availability'], availability_loss: 'permanent', exposure: undefined, kind: 'hacking_malware_phishing' },
    }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    steps: [1, 2, 5, 6],
    answers: ['yes', 'yes', 'yes', 'no'],
  },
  {
    name: 'step 2: integrity lost: breach',
    incident: assessed('risk', { what: { nature: ['integrity'], integrity_recoverable: false, exposure: undefined } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    steps: [1, 2, 5, 6],
  },
  {
    name: 'step 2 exception: availability lost but encrypted with an accessible copy: no breach on that ground, step 3 no, step 4',
    incident: anIncident({
      what: { nature: ['availability'], exposure: undefined, kind: 'device_lost_or_stolen' },
      protection: { ...encrypted, backup: { available: true, restored: true, restore_hours: 1 } },
    }),
    breach: false,
    notifyAuthority: false,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 4],
    answers: ['yes', 'exception', 'no', 'register only'],
  },
  {
    name: 'steps 2 and 3 exceptions: encrypted laptop lost, key safe, backup: no breach',
    incident: anIncident({
      what: { nature: ['confidentiality', 'availability'], exposure: 'no_evidence_of_access', exfiltration: 'ruled_out', kind: 'device_lost_or_stolen' },
      protection: { ...encrypted, backup: { available: true, restored: true, restore_hours: 0 } },
    }),
    breach: false,
    notifyAuthority: false,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 4],
    answers: ['yes', 'exception', 'exception', 'register only'],
  },
  {
    name: 'step 2: encrypted but no accessible copy: still a breach of availability',
    incident: assessed('none', {
      what: { nature: ['availability'], availability_loss: 'permanent', exposure: undefined },
      protection: { ...encrypted, backup: { available: false } },
      authority: { not_notified_reason: 'Encrypted; only the copy is lost and the data are public elsewhere.' },
    }),
    breach: true,
    notifyAuthority: false,
    notifyDataSubjects: false,
    steps: [1, 2, 5],
    answers: ['yes', 'yes', 'no'],
  },
  {
    name: 'step 3: confidentiality lost, not encrypted: breach',
    incident: assessed('risk'),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 5, 6],
    answers: ['yes', 'no', 'yes', 'yes', 'no'],
  },
  {
    name: 'step 3 exception: only encrypted data exposed, key safe: no breach',
    incident: anIncident({ protection: encrypted }),
    breach: false,
    notifyAuthority: false,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 4],
    answers: ['yes', 'no', 'exception', 'register only'],
  },
  {
    name: 'step 3: encrypted but key compromised: breach',
    incident: assessed('risk', { protection: { ...encrypted, key_compromised: true } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 5, 6],
  },
  {
    name: 'step 3: encrypted but not state of the art: breach',
    incident: assessed('risk', { protection: { measure: 'encrypted', state_of_the_art: false } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 5, 6],
  },
  {
    name: 'step 5 no: breach assessed as no risk: register only, with the reason',
    incident: assessed('none', { authority: { not_notified_reason: 'Sent to a colleague office under contract.' } }),
    breach: true,
    notifyAuthority: false,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 5],
    answers: ['yes', 'no', 'yes', 'no'],
    noWarning: [/not_notified_reason/],
  },
  {
    name: 'step 5 no without a reason recorded: warning',
    incident: assessed('none'),
    breach: true,
    notifyAuthority: false,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 5],
    warnings: [/not_notified_reason is empty/],
  },
  {
    name: 'step 6 yes, no exemption: inform the people',
    incident: high(),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: true,
    exemption: null,
    steps: [1, 2, 3, 5, 6, '6-exemptions'],
    answers: ['yes', 'no', 'yes', 'yes', 'yes', 'no'],
  },
  {
    name: 'art. 34(3)(a) encryption accepted (availability breach of encrypted data without copy)',
    incident: high({
      what: { nature: ['availability'], availability_loss: 'permanent', exposure: undefined },
      protection: { ...encrypted, backup: { available: false } },
      communication: { exemption: { ground: 'encryption', grounds: 'AES-256 full disk encryption, key in the vault.' } },
    }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    exemption: 'encryption',
    steps: [1, 2, 5, 6, '6a'],
    answers: ['yes', 'yes', 'yes', 'yes', 'yes'],
  },
  {
    name: 'art. 34(3)(a) encryption refused: key compromised',
    incident: high({
      protection: { ...encrypted, key_compromised: true },
      communication: { exemption: { ground: 'encryption', grounds: 'The laptop was encrypted.' } },
    }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: true,
    exemption: null,
    steps: [1, 2, 3, 5, 6, '6a'],
    answers: ['yes', 'no', 'yes', 'yes', 'yes', 'no'],
    warnings: [/"encryption".*refused.*key or password was compromised/],
  },
  {
    name: 'art. 34(3)(a) encryption refused: not encrypted at all',
    incident: high({ communication: { exemption: { ground: 'encryption', grounds: 'We thought it was.' } } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: true,
    exemption: null,
    steps: [1, 2, 3, 5, 6, '6a'],
    warnings: [/refused: The data were not encrypted/],
  },
  {
    name: 'art. 34(3)(b) subsequent measures accepted',
    incident: high({
      containment: { recovered: true, remote_wiped: true },
      measures: { taken: ['Device wiped remotely before it went online.'] },
      communication: { exemption: { ground: 'subsequent_measures', grounds: 'The device was wiped before anyone could open it.' } },
    }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    exemption: 'subsequent_measures',
    steps: [1, 2, 3, 5, 6, '6b'],
  },
  {
    name: 'art. 34(3)(b) subsequent measures refused: nothing was done',
    incident: high({ communication: { exemption: { ground: 'subsequent_measures', grounds: 'It will be fine.' } } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: true,
    exemption: null,
    steps: [1, 2, 3, 5, 6, '6b'],
    warnings: [/"subsequent_measures".*refused/],
  },
  {
    name: 'art. 34(3)(c) disproportionate effort with a public communication: accepted',
    incident: high({
      communication: {
        exemption: {
          ground: 'disproportionate_effort',
          grounds: 'Addresses of 20,000 former clients are unknown.',
          public_communication: 'Notice in two national newspapers and on the home page for 3 months.',
        },
      },
    }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    exemption: 'disproportionate_effort',
    steps: [1, 2, 3, 5, 6, '6c'],
  },
  {
    name: 'art. 34(3)(c) disproportionate effort without a public communication: refused',
    incident: high({ communication: { exemption: { ground: 'disproportionate_effort', grounds: 'Too many letters.' } } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: true,
    exemption: null,
    steps: [1, 2, 3, 5, 6, '6c'],
    warnings: [/"disproportionate_effort".*refused.*public communication/],
  },
  {
    name: 'UAVG art. 42 applies automatically to a Dutch Wft undertaking',
    org: dutchWftOffice(),
    incident: high({ organisation: 'assurantie' }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    exemption: 'financial_undertaking',
    steps: [1, 2, 3, 5, 6, '6-uavg42'],
    answers: ['yes', 'no', 'yes', 'yes', 'yes', 'yes'],
  },
  {
    name: 'UAVG art. 42 claimed by a Dutch Wft undertaking: accepted',
    org: dutchWftOffice(),
    incident: high({ communication: { exemption: { ground: 'financial_undertaking', grounds: 'Insurance intermediary, AFM licence.' } } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    exemption: 'financial_undertaking',
    steps: [1, 2, 3, 5, 6, '6-uavg42'],
  },
  {
    name: 'UAVG art. 42 claimed by a Dutch office that is not a Wft undertaking: refused',
    incident: high({ communication: { exemption: { ground: 'financial_undertaking', grounds: 'We advise on money.' } } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: true,
    exemption: null,
    steps: [1, 2, 3, 5, 6, '6-uavg42'],
    answers: ['yes', 'no', 'yes', 'yes', 'yes', 'no'],
    warnings: [/"financial_undertaking".*refused.*not a financial undertaking/],
  },
  {
    name: 'UAVG art. 42 never in Belgium, even with the Wft flag: refused with warnings',
    org: belgianOffice({ wft_financial_undertaking: true }),
    incident: high({ communication: { exemption: { ground: 'financial_undertaking', grounds: 'Insurance broker.' } } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: true,
    exemption: null,
    steps: [1, 2, 3, 5, 6, '6-uavg42'],
    answers: ['yes', 'no', 'yes', 'yes', 'yes', 'no'],
    warnings: [/in BE: UAVG art\. 42 is Dutch law/, /"financial_undertaking".*refused.*Belgium/],
  },
  {
    name: 'an exemption claimed while the level is only "risk" has no effect',
    incident: assessed('risk', { communication: { exemption: { ground: 'encryption', grounds: 'n/a' } } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    exemption: null,
    steps: [1, 2, 3, 5, 6],
    warnings: [/claims "encryption", but the risk level is "risk"/],
  },
  {
    name: 'no assessment yet: the suggestion is used, with a warning that a named person must assess',
    incident: anIncident({ personal_data: { special_categories: ['health'] } }),
    breach: true,
    notifyAuthority: true,
    notifyDataSubjects: false,
    steps: [1, 2, 3, 5, 6],
    warnings: [/No named person has assessed the risk/],
  },
];

describe('triage: decision tree and exemptions', () => {
  it.each(rows)('$name', (row) => {
    const org = row.org ?? anOrganisation();
    const out = triage(row.incident, org, { file: 'incidents/test/x.yaml', now: NOW, policy });
    expect(out.register).toBe(true);
    expect(out.personalData).toBe(row.personalData ?? true);
    expect(out.breach).toBe(row.breach);
    expect(out.notifyAuthority).toBe(row.notifyAuthority);
    expect(out.notifyDataSubjects).toBe(row.notifyDataSubjects);
    if (row.exemption !== undefined) expect(out.dataSubjectsExemption).toBe(row.exemption);
    expect(out.path.map((p) => p.step)).toEqual(row.steps);
    if (row.answers) expect(out.path.map((p) => p.answer).slice(0, row.answers.length)).toEqual(row.answers);
    for (const w of row.warnings ?? []) expect(out.warnings.some((x) => w.test(x)), `${w} in ${JSON.stringify(out.warnings)}`).toBe(true);
    for (const w of row.noWarning ?? []) expect(out.warnings.some((x) => w.test(x))).toBe(false);
    for (const step of out.path) {
      expect(step.question.length).toBeGreaterThan(10);
      expect(step.reason.length).toBeGreaterThan(10);
      expect(step.basis).toMatch(/^(AVG|UAVG) art\. \d+/);
    }
  });

  it('cites the right articles', () => {
    const out = triage(
      high({ communication: { exemption: { ground: 'encryption', grounds: 'x' } } }),
      anOrganisation(),
      { file: 'f', now: NOW, policy },
    );
    const basis = Object.fromEntries(out.path.map((p) => [String(p.step), p.basis]));
    expect(basis['1']).toBe('AVG art. 4(1)');
    expect(basis['3']).toBe('AVG art. 4(12)');
    expect(basis['5']).toBe('AVG art. 33(1)');
    expect(basis['6']).toBe('AVG art. 34(1)');
    expect(basis['6a']).toBe('AVG art. 34(3)(a)');
    const wft = triage(high(), dutchWftOffice(), { file: 'f', now: NOW, policy });
    expect(wft.path.at(-1)?.basis).toBe('UAVG art. 42');
    expect(wft.path.at(-1)?.reason).toMatch(/automatically/);
  });

  it('mentions the incident facts in the reasons', () => {
    const out = triage(assessed('risk', { data_subjects: { count: 7 } }), anOrganisation(), { file: 'f', now: NOW, policy });
    expect(out.path[0]?.reason).toMatch(/name and contact details of 7 people/);
    expect(out.path[2]?.reason).toMatch(/e-mail to the wrong recipient.*known recipients/);
    expect(out.path[3]?.reason).toMatch(/Anna Jansen assessed the risk as "risk"/);
  });

  it('uses the assessed level and warns when it differs from the suggestion', () => {
    const out = triage(
      assessed('none', { personal_data: { special_categories: ['health'] }, authority: { not_notified_reason: 'x' } }),
      anOrganisation(),
      { file: 'f', now: NOW, policy },
    );
    expect(out.risk.source).toBe('assessed');
    expect(out.risk.level).toBe('none');
    expect(out.risk.suggested.level).toBe('risk');
    expect(out.risk.assessedBy).toBe('Anna Jansen');
    expect(out.warnings.some((w) => /assessed the risk as "none", but the tool suggests "risk"/.test(w))).toBe(true);
    expect(out.notifyAuthority).toBe(false);
  });

  it('warns when a level is assessed but there is no breach', () => {
    const out = triage(assessed('high', { protection: encrypted }), anOrganisation(), { file: 'f', now: NOW, policy });
    expect(out.breach).toBe(false);
    expect(out.notifyDataSubjects).toBe(false);
    expect(out.dataSubjectsExemption).toBeNull();
    expect(out.warnings.some((w) => /finds no personal data breach/.test(w))).toBe(true);
  });
});

describe('triage: authority and deadline', () => {
  const run = (incident: Incident, org = anOrganisation(), now = NOW) => triage(incident, org, { file: 'f', now, policy });

  it('names the competent authority', () => {
    expect(run(assessed('risk')).authority).toMatchObject({ code: 'AP', name: 'Autoriteit Persoonsgegevens' });
    expect(run(assessed('risk'), belgianOffice()).authority).toMatchObject({ code: 'GBA', name: 'Gegevensbeschermingsautoriteit' });
    expect(run(assessed('risk'), belgianOffice({ authority: 'VTC' })).authority.code).toBe('VTC');
    expect(run(assessed('risk'), belgianOffice({ authority: 'COC' })).authority.name).toBe('Controleorgaan op de politionele informatie');
    expect(run(assessed('risk'), anOrganisation({ authority: 'GBA' })).warnings.some((w) => /is in NL but names GBA/.test(w))).toBe(true);
  });

  it('deadline is awareness + 72 h in UTC', () => {
    expect(run(assessed('risk')).authority.deadline).toBe('2026-03-30T09:00:00Z');
  });

  it('notified in time: not late', () => {
    const a = run(assessed('risk', { authority: { notified_at: '2026-03-30T10:59:00+02:00' } })).authority;
    expect(a).toMatchObject({ late: false, lateReasonRequired: false, notifiedAt: '2026-03-30T08:59:00Z' });
    expect(a.hoursUsed).toBeCloseTo(71.98, 2);
  });

  it('notified after the deadline: late, reasons required', () => {
    const out = run(assessed('risk', { authority: { notified_at: '2026-03-30T11:01:00+02:00' } }));
    expect(out.authority).toMatchObject({ late: true, lateReasonRequired: true });
    expect(out.warnings.some((w) => /late_reasons must give the reasons/.test(w))).toBe(true);
    const withReasons = run(
      assessed('risk', { authority: { notified_at: '2026-03-30T11:01:00+02:00', late_reasons: 'The processor told us only on day 3.' } }),
    );
    expect(withReasons.authority.late).toBe(true);
    expect(withReasons.warnings.some((w) => /late_reasons/.test(w))).toBe(false);
  });

  it('not notified, due, deadline passed: late', () => {
    const out = run(assessed('risk'), anOrganisation(), new Date('2026-03-30T09:00:01Z'));
    expect(out.authority).toMatchObject({ notifiedAt: null, late: true, lateReasonRequired: true });
    expect(out.warnings.some((w) => /deadline passed/.test(w))).toBe(true);
  });

  it('not notified, due, exactly at the deadline: not yet late', () => {
    expect(run(assessed('risk'), anOrganisation(), new Date('2026-03-30T09:00:00Z')).authority.late).toBe(false);
  });

  it('not notified, not due: never late', () => {
    const out = run(assessed('none', { authority: { not_notified_reason: 'x' } }), anOrganisation(), new Date('2026-05-01T00:00:00Z'));
    expect(out.authority).toMatchObject({ late: false, lateReasonRequired: false });
  });

  it('notified late although not due: late, but no reasons required', () => {
    const out = run(assessed('none', { authority: { notified_at: '2026-04-02T09:00:00+02:00', not_notified_reason: 'x' } }));
    expect(out.authority).toMatchObject({ late: true, lateReasonRequired: false });
  });

  it('an invalid aware_at gives a warning, not an exception', () => {
    const out = run(merge(assessed('risk'), { timeline: { aware_at: '27-03-2026 10:00' } }));
    expect(out.authority.deadline).toBe('');
    expect(out.warnings.some((w) => /aware_at is not an instant/.test(w))).toBe(true);
  });
});
