/** `datalek status` on the bundled examples: open incidents, hours left, OVERDUE, and --json. */
import { describe, expect, it } from 'vitest';
import { NOW, run } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OPEN = ['2026-007', '2026-204'];
/** After both notification deadlines (2026-11-23 15:30 and 2026-11-24 09:40, CET). */
const LATER = '2026-11-25T12:00:00+01:00';

describe('status', () => {
  it('lists the open incidents, and only those, with the hours left to notify', async () => {
    const r = await run(['status', '--now', NOW]);
    expect(r.code).toBe(0);
    const listed = [...r.out.matchAll(/^(\d{4}-\d{3})  /gm)].map((m) => m[1]);
    expect(listed).toEqual(OPEN);
    expect(r.out).toContain('notify the AP (Sanne Verbeek): by 2026-11-23 15:30 CET, 27 h 30 min left');
    expect(r.out).toContain('notify the GBA (Sofie Vermeulen): by 2026-11-24 09:40 CET, 45 h 40 min left');
    expect(r.out).not.toContain('OVERDUE');
    expect(r.out).toMatch(/2 open incidents: 0 overdue, 0 due within 24 h, \d+ open duties in all \(as of 2026-11-22 12:00 CET\)\./);
  });

  it('shows a notification within 24 hours as due soon', async () => {
    const r = await run(['status', '--now', '2026-11-23T09:00:00+01:00']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}DUE <24h {3}notify the AP .*6 h 30 min left$/m);
    expect(r.out).toMatch(/^ {2}open {7}notify the GBA .*24 h 40 min left$/m);
  });

  it('shows OVERDUE once a deadline has passed', async () => {
    const r = await run(['status', '--now', LATER]);
    expect(r.code).toBe(0); // overdue duties are warnings, not invalid files
    expect(r.out).toMatch(/^ {2}OVERDUE {4}notify the AP and give the reasons for the delay .*: deadline was 2026-11-23 15:30 CET, 44 h 30 min ago$/m);
    expect(r.out).toMatch(/^ {2}OVERDUE {4}notify the GBA and give the reasons for the delay .*: deadline was 2026-11-24 09:40 CET, 26 h 20 min ago$/m);
    expect(r.out).toMatch(/2 open incidents: 2 overdue, 0 due within 24 h/);
    // validate warns about the overdue notification of the assessed incident
    expect(r.err).toContain('(warning DL-RULE-NOTIFICATION-OVERDUE)');
  });

  it('--json prints only the duties array, most urgent first', async () => {
    const r = await run(['status', '--json', '--now', LATER]);
    expect(r.code).toBe(0);
    const duties = JSON.parse(r.out) as Json[];
    expect(Array.isArray(duties)).toBe(true);
    expect(new Set(duties.map((d) => d.incidentId))).toEqual(new Set(OPEN));
    for (const d of duties) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['incidentId', 'organisation', 'file', 'kind', 'what', 'deadline', 'hoursLeft', 'urgency']));
      expect(['notify_authority', 'inform_data_subjects', 'assess_risk', 'checklist']).toContain(d.kind);
      expect(['overdue', 'due_within_24h', 'open']).toContain(d.urgency);
      expect(d.file).toBe(`incidents/${d.organisation}/${d.incidentId}.yaml`);
      if (d.deadline === null) expect(d.hoursLeft).toBeNull();
    }
    const notify = duties.filter((d) => d.kind === 'notify_authority');
    expect(notify.map((d) => [d.incidentId, d.deadline, d.hoursLeft, d.urgency])).toEqual([
      ['2026-007', '2026-11-23T14:30:00Z', -44.5, 'overdue'],
      ['2026-204', '2026-11-24T08:40:00Z', expect.closeTo(-26 - 1 / 3, 9), 'overdue'],
    ]);
    expect(duties.slice(0, 2).every((d) => d.urgency === 'overdue')).toBe(true);
  });

  it('--json before the deadlines gives the hours left', async () => {
    const r = await run(['status', '--json', '--now', NOW]);
    const notify = (JSON.parse(r.out) as Json[]).filter((d) => d.kind === 'notify_authority');
    expect(notify.map((d) => [d.incidentId, d.hoursLeft, d.urgency])).toEqual([
      ['2026-007', 27.5, 'open'],
      ['2026-204', expect.closeTo(45 + 2 / 3, 9), 'open'],
    ]);
  });
});
