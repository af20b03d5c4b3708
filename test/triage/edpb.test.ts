/**
 * The suggestion against the regulators' own verdicts: EDPB Guidelines 01/2021 (18 cases).
 * The duties that follow from the suggestion must match the EDPB's action table too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRiskPolicy, suggestRisk, triage, type RiskPolicy } from '../../src/triage/index.js';
import { EDPB_CASES } from './edpb-cases.js';

let policy: RiskPolicy;
beforeAll(async () => {
  policy = await loadRiskPolicy();
});

describe('EDPB Guidelines 01/2021: suggested level matches the published verdict', () => {
  it('encodes all 18 cases', () => {
    expect(EDPB_CASES.map((c) => c.no)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it.each(EDPB_CASES)('case $no: $title -> $verdict', (c) => {
    const s = suggestRisk(c.incident, c.organisation, policy);
    expect(s.level, s.factors.join('\n')).toBe(c.verdict);
    expect(s.factors.length).toBeGreaterThan(1);

    const out = triage(c.incident, c.organisation, { file: `edpb/case-${c.no}.yaml`, now: new Date('2026-01-01T00:00:00Z'), policy });
    expect(out.risk.source).toBe('suggested');
    expect(out.notifyAuthority).toBe(c.verdict !== 'none');
    expect(out.notifyDataSubjects).toBe(c.verdict === 'high');
  });
});

/** The verdicts should not hang on one reading of a case: plausible other encodings give the same. */
describe('EDPB cases: robust to other plausible encodings', () => {
  const variant = (no: number) => {
    const c = EDPB_CASES.find((x) => x.no === no);
    if (!c) throw new Error(`no case ${no}`);
    return c;
  };
  const variants: { name: string; no: number; change: (i: import('../../src/model/incident.js').Incident) => void }[] = [
    { name: 'case 1 without encryption at rest', no: 1, change: (i) => void (i.protection = { measure: 'none', backup: { available: true, restored: true, restore_hours: 3 } }) },
    { name: 'case 1 as availability only, names only', no: 1, change: (i) => void ((i.what.nature = ['availability']), (i.personal_data.kinds = ['name', 'contact_details'])) },
    { name: 'case 2 with names and contact details only', no: 2, change: (i) => void (i.personal_data.kinds = ['name', 'contact_details']) },
    { name: 'case 2 without any protection record', no: 2, change: (i) => void delete i.protection },
    { name: 'case 3 without a severity estimate', no: 3, change: (i) => void delete i.consequences },
    { name: 'case 4 with ID numbers as bsn', no: 4, change: (i) => void (i.personal_data.kinds = ['name', 'contact_details', 'bsn', 'credit_card']) },
    { name: 'case 5 without exposure recorded', no: 5, change: (i) => void delete i.what.exposure },
    { name: 'case 5 with exfiltration unknown', no: 5, change: (i) => void (i.what.exfiltration = 'unknown') },
    { name: 'case 6 with e-mail addresses listed too', no: 6, change: (i) => void i.personal_data.kinds?.push('contact_details') },
    { name: 'case 8 with a number of customers', no: 8, change: (i) => void (i.data_subjects = { groups: ['customers'], count: 800 }) },
    { name: 'case 9 without financial data', no: 9, change: (i) => void (i.personal_data.kinds = ['name', 'contact_details']) },
    { name: 'case 10 with exposure not recorded', no: 10, change: (i) => void delete i.what.exposure },
    { name: 'case 11 without exposure recorded', no: 11, change: (i) => void delete i.what.exposure },
    { name: 'case 12 with a number of patients', no: 12, change: (i) => void (i.data_subjects = { groups: ['patients'], count: 40 }) },
    { name: 'case 13 with names and addresses only', no: 13, change: (i) => void (i.personal_data.kinds = ['name', 'contact_details']) },
    { name: 'case 13 with exfiltration ruled out', no: 13, change: (i) => void (i.what.exfiltration = 'ruled_out') },
    { name: 'case 14 with unknown recipients', no: 14, change: (i) => void (i.what.exposure = 'unknown_recipients') },
    { name: 'case 15 counting only the two people with health data', no: 15, change: (i) => void (i.data_subjects = { count: 2 }) },
    { name: 'case 16 with one wrong recipient', no: 16, change: (i) => void (i.data_subjects = { count: 1 }) },
    { name: 'case 17 without the misuse recorded', no: 17, change: (i) => void delete i.consequences },
    { name: 'case 18 without the misuse recorded', no: 18, change: (i) => void delete i.consequences },
  ];
  it.each(variants)('$name', ({ no, change }) => {
    const c = variant(no);
    const incident = structuredClone(c.incident);
    change(incident);
    const s = suggestRisk(incident, c.organisation, policy);
    expect(s.level, s.factors.join('\n')).toBe(c.verdict);
  });
});
