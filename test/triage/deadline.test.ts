/** The 72-hour clock: exact across DST changes, and readable in the office's zone. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deadlineFor,
  formatInstant,
  hoursBetween,
  InvalidInstantError,
  lateness,
  normaliseInstant,
  parseInstant,
  timeZoneFor,
} from '../../src/triage/deadline.js';
import { instantArb, isoWithOffset, msArb, offsetArb } from './arbitraries.js';
import { anOrganisation, belgianOffice } from './builders.js';

const H = 3_600_000;

describe('deadlineFor', () => {
  it.each([
    // Spring forward, Europe/Amsterdam 2026-03-29 02:00 CET -> 03:00 CEST.
    ['aware the day before the change', '2026-03-28T10:00:00+01:00', '2026-03-31T09:00:00Z', '31 maart 2026 om 11:00 CEST'],
    ['aware just before the jump', '2026-03-29T01:30:00+01:00', '2026-04-01T00:30:00Z', '1 april 2026 om 02:30 CEST'],
    ['aware just after the jump', '2026-03-29T03:30:00+02:00', '2026-04-01T01:30:00Z', '1 april 2026 om 03:30 CEST'],
    // Fall back, 2026-10-25 03:00 CEST -> 02:00 CET: 02:30 happens twice.
    ['first 02:30 (CEST)', '2026-10-25T02:30:00+02:00', '2026-10-28T00:30:00Z', '28 oktober 2026 om 01:30 CET'],
    ['second 02:30 (CET)', '2026-10-25T02:30:00+01:00', '2026-10-28T01:30:00Z', '28 oktober 2026 om 02:30 CET'],
    ['aware the day before fall back', '2026-10-24T22:15:00+02:00', '2026-10-27T20:15:00Z', '27 oktober 2026 om 21:15 CET'],
    ['already in UTC', '2026-06-01T12:00:00Z', '2026-06-04T12:00:00Z', '4 juni 2026 om 14:00 CEST'],
  ])('%s: %s -> %s', (_name, aware, deadline, local) => {
    expect(deadlineFor(aware)).toBe(deadline);
    expect(parseInstant(deadline) - parseInstant(aware)).toBe(72 * H);
    expect(formatInstant(deadline, 'Europe/Amsterdam')).toBe(local);
  });

  it('is exactly 72 hours later for arbitrary instants and offsets', () => {
    fc.assert(
      fc.property(msArb(true), offsetArb, fc.boolean(), (ms, off, millis) => {
        const aware = isoWithOffset(ms, off, millis);
        const deadline = deadlineFor(aware);
        expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
        expect(parseInstant(deadline) - parseInstant(aware)).toBe(72 * H);
        expect(hoursBetween(aware, deadline)).toBe(72);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the offset an instant is written in', () => {
    fc.assert(
      fc.property(msArb(), offsetArb, offsetArb, (ms, a, b) => {
        expect(deadlineFor(isoWithOffset(ms, a))).toBe(deadlineFor(isoWithOffset(ms, b)));
      }),
    );
  });

  it('rejects instants without an offset (they would depend on the machine) and nonsense', () => {
    for (const bad of ['2026-03-29T01:30:00', '2026-03-29', '29-03-2026 01:30', '2026-13-01T00:00:00Z', '2026-03-29T25:00:00Z', '']) {
      expect(() => deadlineFor(bad)).toThrow(InvalidInstantError);
    }
    try {
      deadlineFor('2026-03-29T01:30:00');
    } catch (e) {
      expect((e as InvalidInstantError).code).toBe('TRIAGE_INVALID_INSTANT');
    }
  });

  it('normalises to UTC', () => {
    expect(normaliseInstant('2026-10-25T02:30:00+02:00')).toBe('2026-10-25T00:30:00Z');
    fc.assert(
      fc.property(instantArb, (i) => {
        expect(parseInstant(normaliseInstant(i))).toBe(parseInstant(i));
      }),
    );
  });
});

describe('lateness', () => {
  const awareAt = '2026-10-24T09:00:00+02:00'; // deadline 2026-10-27T07:00:00Z = 08:00 CET after fall back
  const now = new Date('2026-11-01T00:00:00Z');

  it('counts 72 elapsed hours across the DST change, not wall-clock hours', () => {
    expect(lateness({ awareAt, notifiedAt: '2026-10-27T08:00:00+01:00', now, notificationDue: true })).toMatchObject({
      late: false,
      hoursUsed: 72,
    });
    expect(lateness({ awareAt, notifiedAt: '2026-10-27T08:01:00+01:00', now, notificationDue: true })).toMatchObject({
      late: true,
      lateReasonRequired: true,
    });
  });

  it('not notified: late only when due and the deadline has passed', () => {
    const at = (iso: string) => new Date(iso);
    expect(lateness({ awareAt, now: at('2026-10-27T07:00:00Z'), notificationDue: true }).late).toBe(false);
    expect(lateness({ awareAt, now: at('2026-10-27T07:00:01Z'), notificationDue: true })).toMatchObject({ late: true, lateReasonRequired: true, notifiedAt: null });
    expect(lateness({ awareAt, now: at('2026-10-27T07:00:01Z'), notificationDue: false })).toMatchObject({ late: false, lateReasonRequired: false });
  });

  it('hours used run to `now` while not notified', () => {
    expect(lateness({ awareAt, now: new Date('2026-10-25T07:00:00Z'), notificationDue: true }).hoursUsed).toBe(24);
  });

  it('late iff notified after the deadline, or due, not notified and past it', () => {
    fc.assert(
      fc.property(instantArb, fc.option(fc.integer({ min: -10, max: 200 })), fc.integer({ min: -10, max: 200 }), fc.boolean(), (aware, nh, nowH, due) => {
        const a = parseInstant(aware);
        const notifiedAt = nh === null ? null : new Date(a + nh * H).toISOString();
        const l = lateness({ awareAt: aware, notifiedAt, now: new Date(a + nowH * H), notificationDue: due });
        const expected = nh !== null ? nh > 72 : due && nowH > 72;
        expect(l.late).toBe(expected);
        expect(l.lateReasonRequired).toBe(expected && due);
      }),
    );
  });
});

describe('showing instants', () => {
  it('uses the office zone: its own, else the country default', () => {
    expect(timeZoneFor(anOrganisation())).toBe('Europe/Amsterdam');
    expect(timeZoneFor(belgianOffice())).toBe('Europe/Brussels');
    expect(timeZoneFor(anOrganisation({ time_zone: 'Europe/Brussels' }))).toBe('Europe/Brussels');
  });

  it('formats in other locales too', () => {
    expect(formatInstant('2026-04-01T00:30:00Z', 'Europe/Brussels', 'en-GB')).toBe('1 April 2026 at 02:30 CEST');
    expect(formatInstant(new Date('2026-12-01T12:00:00Z'), 'Europe/Amsterdam')).toBe('1 december 2026 om 13:00 CET');
  });
});
