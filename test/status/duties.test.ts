import { describe, expect, it } from 'vitest';
import { dutiesOf, openDuties, type StatusInput } from '../../src/status/duties.js';
import type { Incident } from '../../src/model/incident.js';
import type { Outcome } from '../../src/model/outcome.js';

const AWARE = '2026-11-20T10:00:00+01:00';
const DEADLINE = '2026-11-23T09:00:00.000Z';

function item(over: { incident?: Partial<Incident>; outcome?: Partial<Outcome>; notifiedAt?: string | null } = {}): StatusInput {
  const incident = {
    id: '2026-050',
    organisation: 'van-dam-advocaten',
    title: 'Test',
    reporter: { name: 'A. Jansen' },
    timeline: { discovered_at: AWARE, aware_at: AWARE },
    what: { facts: 'x', kind: 'other', nature: ['confidentiality'], malicious: false, exfiltration: 'unknown' },
    personal_data: { involved: true },
    ...over.incident,
  } as Incident;
  const outcome = {
    id: incident.id,
    organisation: incident.organisation,
    file: 'incidents/x.yaml',
    personalData: true,
    breach: true,
    register: true,
    risk: { level: 'risk', source: 'assessed', suggested: { level: 'risk' } },
    notifyAuthority: true,
    authority: { code: 'AP', name: 'Autoriteit Persoonsgegevens', deadline: DEADLINE, notifiedAt: over.notifiedAt ?? null, late: false, lateReasonRequired: false, hoursUsed: null },
    notifyDataSubjects: false,
    dataSubjectsExemption: null,
    path: [],
    warnings: [],
    ...over.outcome,
  } as Outcome;
  return { file: 'incidents/x.yaml', incident, outcome };
}

describe('dutiesOf', () => {
  it('counts hours left to the 72-hour deadline and flags the last 24 hours', () => {
    const d = dutiesOf(item(), new Date('2026-11-22T12:00:00Z')).find((x) => x.kind === 'notify_authority');
    expect(d?.hoursLeft).toBe(21);
    expect(d?.urgency).toBe('due_within_24h');
  });

  it('is open with more than 24 hours left, overdue after the deadline', () => {
    const early = dutiesOf(item(), new Date('2026-11-21T08:59:00Z')).find((x) => x.kind === 'notify_authority');
    expect(early?.urgency).toBe('open');
    const late = dutiesOf(item(), new Date('2026-11-23T10:30:00Z')).find((x) => x.kind === 'notify_authority');
    expect(late?.urgency).toBe('overdue');
    expect(late?.hoursLeft).toBe(-1.5);
    expect(late?.what).toContain('reasons for the delay');
  });

  it('has no notification duty once notified, nor for closed incidents', () => {
    expect(dutiesOf(item({ notifiedAt: '2026-11-21T10:00:00+01:00' }), new Date('2026-11-22T12:00:00Z')).some((d) => d.kind === 'notify_authority')).toBe(false);
    const closed = item({ incident: { timeline: { discovered_at: AWARE, aware_at: AWARE, closed_at: '2026-11-21T10:00:00+01:00' } } });
    expect(dutiesOf(closed, new Date('2026-11-22T12:00:00Z'))).toEqual([]);
  });

  it('asks for a person\'s assessment when the level is only suggested', () => {
    const s = item({ outcome: { risk: { level: 'high', source: 'suggested', suggested: { level: 'high' } } as Outcome['risk'] } });
    expect(dutiesOf(s, new Date('2026-11-22T12:00:00Z')).some((d) => d.kind === 'assess_risk')).toBe(true);
  });

  it('lists informing the people only when the triage requires it and it is not done', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(dutiesOf(item(), now).some((d) => d.kind === 'inform_data_subjects')).toBe(false);
    expect(dutiesOf(item({ outcome: { notifyDataSubjects: true } }), now).some((d) => d.kind === 'inform_data_subjects')).toBe(true);
    const done = item({ outcome: { notifyDataSubjects: true }, incident: { communication: { informed_at: '2026-11-21T10:00:00+01:00' } } });
    expect(dutiesOf(done, now).some((d) => d.kind === 'inform_data_subjects')).toBe(false);
  });

  it('lists open checklist steps with their owner, skipping steps that do not apply', () => {
    const withList = item({ incident: { checklist: { identify_and_contain: { owner: 'B. de Wit', done_at: AWARE }, improve: { owner: 'C. Smit' } } } });
    const steps = dutiesOf(withList, new Date('2026-11-22T12:00:00Z')).filter((d) => d.kind === 'checklist');
    expect(steps.map((d) => d.step)).toEqual(['assess_risk', 'improve', 'document', 'legal_advice']);
    expect(steps.find((d) => d.step === 'improve')?.what).toContain('C. Smit');
  });
});

describe('openDuties', () => {
  it('puts overdue first, then by hours left', () => {
    const a = item({ incident: { id: 'A' }, outcome: { id: 'A', authority: { code: 'AP', name: '', deadline: '2026-11-22T20:00:00Z', notifiedAt: null, late: false, lateReasonRequired: false, hoursUsed: null } } });
    const b = item({ incident: { id: 'B' }, outcome: { id: 'B', authority: { code: 'AP', name: '', deadline: '2026-11-22T10:00:00Z', notifiedAt: null, late: true, lateReasonRequired: true, hoursUsed: null } } });
    const c = item({ incident: { id: 'C' }, outcome: { id: 'C', authority: { code: 'AP', name: '', deadline: '2026-11-24T10:00:00Z', notifiedAt: null, late: false, lateReasonRequired: false, hoursUsed: null } } });
    const order = openDuties([c, a, b], new Date('2026-11-22T12:00:00Z')).filter((d) => d.kind === 'notify_authority').map((d) => [d.incidentId, d.urgency]);
    expect(order).toEqual([['B', 'overdue'], ['A', 'due_within_24h'], ['C', 'open']]);
  });
});
