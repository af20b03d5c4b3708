/** Properties of the triage over arbitrary valid-shaped incidents and organisations. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/model/incident.js';
import { LEVEL_RANK } from '../../src/triage/levels.js';
import { loadRiskPolicy, parseInstant, suggestRisk, triage, type RiskPolicy } from '../../src/triage/index.js';
import { incidentArb, msArb, organisationArb } from './arbitraries.js';

let policy: RiskPolicy;
beforeAll(async () => {
  policy = await loadRiskPolicy();
});

const nowArb = msArb().map((ms) => new Date(ms));
const RUNS = { numRuns: 500 };

describe('triage properties', () => {
  it('never throws and always registers', () => {
    fc.assert(
      fc.property(incidentArb, organisationArb, nowArb, (incident, org, now) => {
        const out = triage(incident, org, { file: 'x.yaml', now, policy });
        expect(out.register).toBe(true);
        expect(out.path.length).toBeGreaterThan(0);
        expect(out.path[0]?.step).toBe(1);
        expect(JSON.parse(JSON.stringify(out))).toEqual(out); // plain JSON data
      }),
      RUNS,
    );
  });

  it('high risk implies risk implies breach implies personal data', () => {
    fc.assert(
      fc.property(incidentArb, organisationArb, nowArb, (incident, org, now) => {
        const out = triage(incident, org, { file: 'x.yaml', now, policy });
        if (out.notifyDataSubjects) expect(out.notifyAuthority).toBe(true);
        if (out.notifyAuthority) expect(out.breach).toBe(true);
        if (out.breach) expect(out.personalData).toBe(true);
        if (out.notifyDataSubjects) expect(out.risk.level).toBe('high');
        if (out.notifyAuthority) expect(out.risk.level).not.toBe('none');
        if (out.dataSubjectsExemption !== null) expect(out.notifyDataSubjects).toBe(false);
      }),
      RUNS,
    );
  });

  it('no duty without personal data', () => {
    fc.assert(
      fc.property(incidentArb, organisationArb, nowArb, (incident, org, now) => {
        const i: Incident = { ...incident, personal_data: { ...incident.personal_data, involved: false } };
        const out = triage(i, org, { file: 'x.yaml', now, policy });
        expect(out).toMatchObject({ personalData: false, breach: false, notifyAuthority: false, notifyDataSubjects: false });
        expect(out.dataSubjectsExemption).toBeNull();
        expect(out.authority.lateReasonRequired).toBe(false);
        expect(out.risk.suggested.level).toBe('none');
      }),
      RUNS,
    );
  });

  it('the deadline is exactly 72 hours after awareness, in UTC', () => {
    fc.assert(
      fc.property(incidentArb, organisationArb, nowArb, (incident, org, now) => {
        const out = triage(incident, org, { file: 'x.yaml', now, policy });
        expect(out.authority.deadline).toMatch(/Z$/);
        expect(parseInstant(out.authority.deadline) - parseInstant(incident.timeline.aware_at)).toBe(72 * 3_600_000);
        if (out.authority.lateReasonRequired) expect(out.authority.late && out.notifyAuthority).toBe(true);
      }),
      RUNS,
    );
  });

  it('the ENISA figures add up and stay in range', () => {
    fc.assert(
      fc.property(incidentArb, organisationArb, (incident, org) => {
        const { enisa } = suggestRisk(incident, org, policy);
        expect(enisa.score).toBeCloseTo(enisa.dpc * enisa.ei + enisa.cb, 2);
        expect(enisa.dpc).toBeGreaterThanOrEqual(1);
        expect(enisa.dpc).toBeLessThanOrEqual(4);
        expect([0.25, 0.5, 0.75, 1]).toContain(enisa.ei);
        expect(enisa.cb).toBeGreaterThanOrEqual(0);
        expect(enisa.cb).toBeLessThanOrEqual(2);
        const b = enisa.score < 2 ? 'low' : enisa.score < 3 ? 'medium' : enisa.score < 4 ? 'high' : 'very_high';
        expect(enisa.band).toBe(b);
        expect(enisa.explanation.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('when in doubt: malice, special categories or an unknown exfiltration never lower the suggestion', () => {
    fc.assert(
      fc.property(incidentArb, organisationArb, (incident, org) => {
        const before = LEVEL_RANK[suggestRisk(incident, org, policy).level];
        const worse: Incident[] = [
          { ...incident, what: { ...incident.what, malicious: true } },
          { ...incident, personal_data: { ...incident.personal_data, special_categories: ['health'] } },
          ...(incident.what.exfiltration === 'ruled_out' ? [{ ...incident, what: { ...incident.what, exfiltration: 'unknown' as const } }] : []),
        ];
        for (const w of worse) expect(LEVEL_RANK[suggestRisk(w, org, policy).level]).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });
});
