/** The suggestion: readable reasons, and the policy as data really drives it. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/model/incident.js';
import { loadRiskPolicy, suggestRisk, type RiskPolicy } from '../../src/triage/index.js';
import { anIncident, anOrganisation, type DeepPartial } from './builders.js';

let policy: RiskPolicy;
beforeAll(async () => {
  policy = await loadRiskPolicy();
});

const suggest = (patch: DeepPartial<Incident>, p: RiskPolicy = policy, org = anOrganisation()) => suggestRisk(anIncident(patch), org, p);
const codes = (patch: DeepPartial<Incident>) => suggest(patch).factorDetails.map((d) => `${d.code}:${d.effect}`);

describe('suggestRisk', () => {
  it('a small mistaken e-mail of names and addresses: none, with the band and the cap explained', () => {
    const s = suggest({});
    expect(s.level).toBe('none');
    expect(s.policy).toEqual({ id: policy.id, version: policy.version });
    expect(s.factors[0]).toMatch(/^ENISA severity 1\.25 \(low\) suggests "none"/);
    expect(s.factors.at(-1)).toMatch(/Suggested level: "none".*When in doubt, notify/);
    expect(s.factors).toEqual(s.factorDetails.map((d) => d.reason));
  });

  it('each regulator factor raises the level, with its reason', () => {
    expect(codes({ personal_data: { special_categories: ['health'] } })).toContain('special_categories:up');
    expect(codes({ personal_data: { kinds: ['name', 'criminal'] } })).toContain('criminal_data:up');
    expect(codes({ personal_data: { kinds: ['name', 'bsn'] } })).toContain('identity_data:up');
    expect(codes({ personal_data: { kinds: ['access_or_identification'] } })).toContain('credentials:up');
    expect(codes({ personal_data: { kinds: ['name', 'debts_or_benefits'] } })).toContain('financial_data:up');
    expect(codes({ data_subjects: { groups: ['minors'] } })).toContain('vulnerable_people:up');
    expect(codes({ data_subjects: { count: 500 } })).toContain('many_people:up');
    expect(codes({ professional_secrecy: true })).toContain('professional_secrecy:up');
    expect(codes({ what: { exposure: 'published' } })).toContain('published:up');
    expect(codes({ what: { malicious: true, exposure: 'unknown_recipients' } })).toContain('malicious_actor_has_data:up');
    expect(codes({ what: { nature: ['availability'], availability_loss: 'permanent' } })).toEqual(
      expect.arrayContaining(['availability_not_restored:up', 'permanent_loss:up']),
    );
    expect(codes({ what: { nature: ['integrity'], integrity_recoverable: false } })).toContain('permanent_loss:up');
    expect(codes({ consequences: { for_data: ['misuse'] } })).toContain('misuse:up');
    expect(codes({ consequences: { severity: 'significant' } })).toContain('severity_significant:up');
    expect(codes({ consequences: { severity: 'very_large' } })).toContain('severity_very_large:up');
    expect(codes({ personal_data: { kinds: [] } })).toContain('unknown_data:up');
  });

  it('levels: special categories at least risk; malicious hands high; a trusted recipient lowers', () => {
    expect(suggest({ personal_data: { special_categories: ['religious'] }, data_subjects: { count: 80 } }).level).toBe('high');
    expect(suggest({ personal_data: { special_categories: ['religious'] } }).level).toBe('risk'); // 3 people, known recipient
    expect(suggest({ what: { malicious: true, exposure: 'unknown_recipients', exfiltration: 'confirmed' } }).level).toBe('high');
    const trusted = suggest({
      personal_data: { kinds: ['name', 'contact_details', 'bank_account'] },
      data_subjects: { count: 80 },
      containment: { recipient_trusted: true, deleted_by_recipient: true, deletion_confirmed_in_writing: true },
    });
    expect(trusted.level).toBe('none');
    expect(trusted.factorDetails.find((d) => d.code === 'trusted_recipient_deleted')?.effect).toBe('down');
  });

  it('a trusted recipient does not lower below "risk" when many people are affected', () => {
    const s = suggest({
      personal_data: { kinds: ['name', 'contact_details', 'bank_account'] },
      data_subjects: { count: 400 },
      containment: { recipient_trusted: true, deleted_by_recipient: true, deletion_confirmed_in_writing: true },
    });
    expect(s.level).toBe('risk');
  });

  it('a trusted recipient without written confirmation does not lower', () => {
    const s = suggest({
      personal_data: { kinds: ['name', 'contact_details', 'bank_account'] },
      data_subjects: { count: 400 },
      containment: { recipient_trusted: true, deleted_by_recipient: true },
    });
    expect(s.level).toBe('high');
  });

  it('encryption with the key compromised gives no protection, and says so', () => {
    const s = suggest({ protection: { measure: 'encrypted', state_of_the_art: true, key_compromised: true }, data_subjects: { count: 500 } });
    expect(s.level).toBe('risk');
    expect(s.factorDetails.some((d) => d.code === 'key_compromised')).toBe(true);
  });

  it('caps keep the levels of the factors they yield to, and never raise', () => {
    const s = suggest({ personal_data: { special_categories: ['health'] }, data_subjects: { count: 5 } });
    const cap = s.factorDetails.find((d) => d.code === 'small_accidental_disclosure');
    expect(s.level).toBe('risk');
    expect(cap?.reason).toMatch(/Lowered from "high" to "risk"/);
  });

  it('the policy drives the result: mapping, thresholds and switches are data', () => {
    const strict: RiskPolicy = structuredClone(policy);
    strict.bandLevel.low = 'risk';
    expect(suggest({}, strict).level).toBe('none'); // the small-disclosure cap still applies
    strict.lower.small_accidental_disclosure.enabled = false;
    expect(suggest({}, strict).level).toBe('risk');

    const lenient: RiskPolicy = structuredClone(policy);
    lenient.raise.special_categories.enabled = false;
    expect(suggest({ personal_data: { special_categories: ['health'] } }, lenient).level).toBe('none');

    const fewer: RiskPolicy = structuredClone(policy);
    fewer.parameters.moreThanPeople = 10;
    expect(suggest({ data_subjects: { count: 60 } }, fewer).enisa.flags).toEqual(['more_than_10_people']);
  });

  it('a factor below its minimum band is shown but not weighed', () => {
    const s = suggest({ personal_data: { kinds: ['other'] }, what: { malicious: true, exposure: 'unknown_recipients' } });
    const d = s.factorDetails.find((x) => x.code === 'malicious_actor_has_data');
    expect(d?.effect).toBe('info');
    expect(d?.reason).toMatch(/Not weighed/);
  });

  it('no personal data: none', () => {
    const s = suggest({ personal_data: { involved: false } });
    expect(s.level).toBe('none');
    expect(s.factorDetails[0]?.code).toBe('no_personal_data');
  });
});
