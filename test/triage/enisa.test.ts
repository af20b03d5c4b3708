/**
 * The ENISA severity method (ENISA, "Recommendations for a methodology of the assessment of
 * severity of personal data breaches", v1.0, December 2013).
 *
 * Part 1 encodes the example cases of the annex's DPC assessment table (per category: the
 * example data set and the DPC score ENISA gives it). The source used is a faithful reproduction
 * of that table (myprivacy.tools ENISA calculator, "Examples and guidance for DPC categories");
 * the PDF annex itself was not available in the search corpus. Examples whose score comes from a
 * context the incident fields cannot express (a luxury shop's clientele, an adult book store,
 * undercover officers, expired cards, a "general blood test") are encoded with the assessor's
 * override in risk_assessment.enisa, exactly as the method expects the assessor to adjust.
 *
 * Parts 2-4 construct cases straight from the method's definitions of EI, CB and the bands,
 * since no end-to-end worked SE examples were found in the annex text available.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DpcCategory, Incident } from '../../src/model/incident.js';
import { enisaScore, loadRiskPolicy, type RiskPolicy } from '../../src/triage/index.js';
import { anIncident, anOrganisation, merge, type DeepPartial } from './builders.js';

let policy: RiskPolicy;
beforeAll(async () => {
  policy = await loadRiskPolicy();
});

const org = anOrganisation();
const score = (patch: DeepPartial<Incident>, o = org) => enisaScore(anIncident(patch), o, policy);
const override = (dpc: number, reason: string): DeepPartial<Incident> => ({
  risk_assessment: {
    level: 'risk',
    assessed_by: 'Anna Jansen',
    assessed_at: '2026-03-27T12:00:00+01:00',
    rationale: 'ENISA context adjustment.',
    enisa: { dpc: { value: dpc, reason } },
  },
});
const creds = (opens: string, cat: DpcCategory): DeepPartial<Incident> => ({
  personal_data: { kinds: ['access_or_identification'], credentials: { opens, opens_category: cat } },
});

describe('ENISA annex, DPC assessment table examples', () => {
  const cases: { category: string; example: string; patch: DeepPartial<Incident>; dpc: number }[] = [
    // Simple data (base 1)
    { category: 'simple', example: 'customer list of a supermarket', patch: { personal_data: { kinds: ['name', 'contact_details'] } }, dpc: 1 },
    {
      category: 'simple',
      example: 'customer list of a luxury goods seller (implies financial status)',
      patch: { personal_data: { kinds: ['name', 'contact_details'] }, ...override(2, 'Clients of a luxury goods seller: the list implies wealth (ENISA +1).') },
      dpc: 2,
    },
    {
      category: 'simple',
      example: 'delivery addresses of an adult book store (sexual preferences)',
      patch: { personal_data: { kinds: ['name', 'contact_details'] }, ...override(3, 'Delivery addresses of an adult book store reveal sexual preferences (ENISA +2).') },
      dpc: 3,
    },
    {
      category: 'simple',
      example: 'list of undercover officers (safety)',
      patch: { personal_data: { kinds: ['name', 'contact_details'] }, ...override(4, 'Undercover officers: disclosure endangers their lives (ENISA +3).') },
      dpc: 4,
    },
    { category: 'simple', example: 'credentials of a music store account', patch: creds('a music store account', 'simple'), dpc: 1 },
    // Behavioural data (base 2)
    {
      category: 'behavioural',
      example: 'incoming calls to an ISP helpdesk (reveals little)',
      patch: { personal_data: { kinds: ['behavioural'] }, ...override(1, 'Only that someone called the helpdesk (ENISA -1).') },
      dpc: 1,
    },
    { category: 'behavioural', example: 'one week of call history', patch: { personal_data: { kinds: ['name', 'behavioural'], records: 60 }, data_subjects: { count: 3 } }, dpc: 2 },
    {
      category: 'behavioural',
      example: 'one year of call history (detailed profile)',
      patch: { personal_data: { kinds: ['name', 'behavioural'], records: 9000 }, data_subjects: { count: 3 } },
      dpc: 3,
    },
    {
      category: 'behavioural',
      example: 'calls to a psychological support centre (infers health)',
      patch: { personal_data: { kinds: ['name', 'behavioural'], special_categories: ['health'] } },
      dpc: 4,
    },
    { category: 'behavioural', example: 'monthly supermarket loyalty purchases', patch: { personal_data: { kinds: ['name', 'behavioural'] } }, dpc: 2 },
    {
      category: 'behavioural',
      example: 'a year of transport card locations',
      patch: { personal_data: { kinds: ['name', 'location'], records: 1500 }, data_subjects: { count: 1 } },
      dpc: 3,
    },
    // Financial data (base 3)
    { category: 'financial', example: 'one month of account balances', patch: { personal_data: { kinds: ['name', 'bank_account', 'other_financial'] } }, dpc: 3 },
    {
      category: 'financial',
      example: 'one year of detailed bank statements',
      patch: { personal_data: { kinds: ['name', 'bank_account', 'other_financial'], records: 1200 }, data_subjects: { count: 2 } },
      dpc: 4,
    },
    {
      category: 'financial',
      example: 'credit cards expired long ago',
      patch: { personal_data: { kinds: ['credit_card'] }, ...override(1, 'Cards expired more than ten years ago (ENISA -2).') },
      dpc: 1,
    },
    { category: 'financial', example: 'online banking credentials', patch: creds('online banking', 'financial'), dpc: 3 },
    // Sensitive data (base 4)
    { category: 'sensitive', example: 'actual results of a medical test', patch: { personal_data: { kinds: ['name'], special_categories: ['health'] } }, dpc: 4 },
    {
      category: 'sensitive',
      example: '"had general blood tests" (reveals little)',
      patch: { personal_data: { kinds: ['name'], special_categories: ['health'] }, ...override(1, 'Only that a routine blood test was done (ENISA -3).') },
      dpc: 1,
    },
    { category: 'sensitive', example: 'political opinions in a closed forum', patch: { personal_data: { kinds: ['name'], special_categories: ['political'] } }, dpc: 4 },
    { category: 'sensitive', example: 'declared sexual orientation on a dating site', patch: { personal_data: { kinds: ['name'], special_categories: ['sex_life'] } }, dpc: 4 },
    { category: 'sensitive', example: 'criminal records', patch: { personal_data: { kinds: ['name', 'criminal'] } }, dpc: 4 },
  ];

  it.each(cases)('$category: $example -> DPC $dpc', ({ patch, dpc }) => {
    const s = score(patch);
    expect(s.dpc).toBe(dpc);
    expect(s.explanation.some((l) => l.startsWith('DPC'))).toBe(true);
    if (patch.risk_assessment) {
      expect(s.explanation.some((l) => l.includes('DPC set to') && l.includes('Anna Jansen') && l.includes('ENISA'))).toBe(true);
    }
  });

  it('with several kinds the highest category counts', () => {
    expect(score({ personal_data: { kinds: ['name', 'location', 'bank_account'] } }).dpc).toBe(3);
    expect(score({ personal_data: { kinds: ['location'] } }).explanation[0]).toMatch(/^DPC base 2 \(behavioural\)/);
  });

  it('context adjustments: vulnerable people and the nature of the office, capped at 4', () => {
    expect(score({ data_subjects: { groups: ['minors'] } }).dpc).toBe(2);
    expect(score({}, anOrganisation({ professional_secrecy: true })).dpc).toBe(2);
    expect(score({}, anOrganisation({ sector: 'healthcare' })).dpc).toBe(2);
    const capped = score({ personal_data: { special_categories: ['health'] }, data_subjects: { vulnerable: true } }, anOrganisation({ professional_secrecy: true }));
    expect(capped.dpc).toBe(4);
    expect(capped.explanation.some((l) => /kept within 1 to 4: 6 becomes 4/.test(l))).toBe(true);
  });

  it('BSN and ID copies are scored as financial (identity fraud), documented in the policy', () => {
    expect(score({ personal_data: { kinds: ['bsn'] } }).dpc).toBe(3);
    expect(score({ personal_data: { kinds: ['id_copy'] } }).dpc).toBe(3);
  });
});

describe('ENISA ease of identification (from the definitions)', () => {
  it.each([
    [['name', 'date_of_birth'], 1],
    [['name', 'bsn'], 1],
    [['id_copy'], 1],
    [['name', 'contact_details'], 1],
    [['name'], 0.75],
    [['contact_details'], 0.75],
    [['bank_account'], 0.5],
    [['access_or_identification'], 0.5],
    [['behavioural'], 0.25],
    [['other'], 0.25],
  ] as const)('%j -> EI %d', (kinds, ei) => {
    const s = score({ personal_data: { kinds: [...kinds] } });
    expect(s.ei).toBe(ei);
    expect(s.explanation.some((l) => l.startsWith(`EI ${ei} (`))).toBe(true);
  });

  it('ordinary kinds not listed stay unknown (EI 0.75, when in doubt), also when special categories are listed', () => {
    // Found by the "when in doubt" property: listing health data used to drop EI to 0.25 and
    // lower the suggestion from high to risk.
    const none = score({ personal_data: { kinds: [], special_categories: [] } });
    const health = score({ personal_data: { kinds: [], special_categories: ['health'] } });
    expect(none.ei).toBe(0.75);
    expect(health.ei).toBe(0.75);
    expect(health.score).toBeGreaterThanOrEqual(none.score);
    // once the ordinary kinds are listed, they decide
    expect(score({ personal_data: { kinds: ['behavioural'], special_categories: ['health'] } }).ei).toBe(0.25);
  });
});

describe('ENISA circumstances of the breach (from the definitions)', () => {
  const cb = (what: DeepPartial<Incident['what']>, extra: DeepPartial<Incident> = {}) =>
    score(merge<DeepPartial<Incident>>({ what: { malicious: false, ...what } }, extra)).cb;

  it('confidentiality: 0 no evidence of access, 0.25 known recipients, 0.5 unknown or published', () => {
    expect(cb({ exposure: 'no_evidence_of_access' })).toBe(0);
    expect(cb({ exposure: 'known_recipients' })).toBe(0.25);
    expect(cb({ exposure: 'unknown_recipients' })).toBe(0.5);
    expect(cb({ exposure: 'published' })).toBe(0.5);
  });

  it('integrity: 0.25 recoverable, 0.5 not recoverable', () => {
    expect(cb({ nature: ['integrity'], integrity_recoverable: true })).toBe(0.25);
    expect(cb({ nature: ['integrity'], integrity_recoverable: false })).toBe(0.5);
  });

  it('availability: 0 restored quickly, 0.25 temporary, 0.5 lost for good', () => {
    expect(cb({ nature: ['availability'] }, { protection: { measure: 'none', backup: { available: true, restored: true, restore_hours: 2 } } })).toBe(0);
    expect(cb({ nature: ['availability'], availability_loss: 'temporary' }, { protection: { measure: 'none', backup: { available: true, restored: true, restore_hours: 100 } } })).toBe(0.25);
    expect(cb({ nature: ['availability'], availability_loss: 'permanent' }, { protection: { measure: 'none', backup: { available: false } } })).toBe(0.5);
  });

  it('malicious intent adds 0.5 and the elements add up', () => {
    expect(cb({ exposure: 'known_recipients', malicious: true })).toBe(0.75);
    expect(
      cb(
        { nature: ['confidentiality', 'integrity', 'availability'], exposure: 'published', integrity_recoverable: false, availability_loss: 'permanent', malicious: true },
        { protection: { measure: 'none' } },
      ),
    ).toBe(2);
  });
});

describe('ENISA severity and bands (constructed from the definitions)', () => {
  const worked: { name: string; patch: DeepPartial<Incident>; dpc: number; ei: number; cb: number; se: number; band: string }[] = [
    { name: 'supermarket list e-mailed to one wrong recipient', patch: { personal_data: { kinds: ['name', 'contact_details'] } }, dpc: 1, ei: 1, cb: 0.25, se: 1.25, band: 'low' },
    {
      name: 'supermarket list stolen by a hacker and published',
      patch: { personal_data: { kinds: ['name', 'contact_details'] }, what: { exposure: 'published', malicious: true, kind: 'hacking_malware_phishing' } },
      dpc: 1, ei: 1, cb: 1, se: 2, band: 'medium',
    },
    {
      name: 'bank statements sent to a known wrong recipient',
      patch: { personal_data: { kinds: ['name', 'contact_details', 'bank_account', 'other_financial'] } },
      dpc: 3, ei: 1, cb: 0.25, se: 3.25, band: 'high',
    },
    {
      name: 'medical test results sent to a known wrong recipient',
      patch: { personal_data: { kinds: ['name', 'date_of_birth'], special_categories: ['health'] } },
      dpc: 4, ei: 1, cb: 0.25, se: 4.25, band: 'very_high',
    },
    {
      name: 'pseudonymised health data (no identifiers) published',
      patch: { personal_data: { kinds: ['other'], special_categories: ['health'] }, what: { exposure: 'published' } },
      dpc: 4, ei: 0.25, cb: 0.5, se: 1.5, band: 'low',
    },
  ];
  it.each(worked)('$name: $dpc x $ei + $cb = $se ($band)', ({ patch, dpc, ei, cb, se, band }) => {
    const s = score(patch);
    expect([s.dpc, s.ei, s.cb, s.score, s.band]).toEqual([dpc, ei, cb, se, band]);
    expect(s.explanation.some((l) => l.startsWith('SE = DPC x EI + CB'))).toBe(true);
  });

  it('band boundaries: below 2 low, 2 medium, 3 high, 4 very high', () => {
    const withCb = (v: number, dpc = 1) =>
      score(merge(override(dpc, 'test'), { risk_assessment: { enisa: { cb: { value: v, reason: 'test' } } } }));
    expect(withCb(0.99).band).toBe('low');
    expect(withCb(1).band).toBe('medium');
    expect(withCb(1.99).band).toBe('medium');
    expect(withCb(2).band).toBe('high');
    expect(withCb(0.99, 3).band).toBe('high');
    expect(withCb(1, 3).band).toBe('very_high');
  });

  it("the person's overrides replace the computed figures, with the reason shown", () => {
    const s = score({
      personal_data: { kinds: ['name', 'contact_details'] },
      risk_assessment: {
        level: 'none',
        assessed_by: 'Anna Jansen',
        assessed_at: '2026-03-27T12:00:00+01:00',
        rationale: 'x',
        enisa: { ei: { value: 0.5, reason: 'Common names, no addresses in the attachment.' }, cb: { value: 0, reason: 'The recipient is our own notary.' } },
      },
    });
    expect([s.dpc, s.ei, s.cb, s.score]).toEqual([1, 0.5, 0, 0.5]);
    expect(s.explanation).toContain('EI set to 0.5 by Anna Jansen (computed 1): Common names, no addresses in the attachment.');
    expect(s.explanation).toContain('CB set to 0.00 by Anna Jansen (computed 0.25): The recipient is our own notary.');
  });

  it('flags: more than 100 people, data unintelligible', () => {
    expect(score({ data_subjects: { count: 101 } }).flags).toEqual(['more_than_100_people']);
    expect(score({ data_subjects: { count: 100 } }).flags).toEqual([]);
    expect(score({ protection: { measure: 'encrypted', state_of_the_art: true, key_compromised: false } }).flags).toEqual(['data_unintelligible']);
    expect(score({ protection: { measure: 'encrypted', state_of_the_art: true, key_compromised: true } }).flags).toEqual([]);
  });

  it('every figure has an explanation line', () => {
    const s = score({ what: { nature: ['confidentiality', 'integrity', 'availability'], malicious: true } });
    for (const prefix of ['DPC base', 'EI ', 'CB confidentiality', 'CB integrity', 'CB availability', 'CB malicious', 'SE = ']) {
      expect(s.explanation.some((l) => l.startsWith(prefix)), prefix).toBe(true);
    }
  });
});
