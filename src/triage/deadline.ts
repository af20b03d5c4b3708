/**
 * The 72-hour clock of AVG art. 33(1). Instants carry their UTC offset, so this is plain instant
 * arithmetic: 72 h are 72 h of elapsed time whatever the wall clock does (DST, weekends).
 * Pure: `now` is always passed in.
 */
import type { Country, Organisation } from '../model/organisation.js';

export const NOTIFICATION_HOURS = 72;
const HOUR_MS = 3_600_000;

/** An ISO-8601 date-time with seconds optional, fraction optional, and a mandatory Z or ±hh:mm offset. */
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** An instant that is not an ISO-8601 date-time with an offset. */
export class InvalidInstantError extends Error {
  override readonly name = 'InvalidInstantError';
  readonly code = 'TRIAGE_INVALID_INSTANT';
  constructor(readonly value: string) {
    super(`Not an ISO-8601 instant with a UTC offset: ${JSON.stringify(value)} (expected e.g. 2026-03-29T01:30:00+01:00).`);
  }
}

/** Milliseconds since the epoch. Rejects strings without an offset: they would depend on the machine's zone. */
export function parseInstant(value: string): number {
  const m = INSTANT_RE.exec(value);
  if (!m) throw new InvalidInstantError(value);
  const [, , mo, d, h, mi, s] = m;
  const ms = Date.parse(value);
  if (
    Number.isNaN(ms) ||
    Number(mo) < 1 || Number(mo) > 12 ||
    Number(d) < 1 || Number(d) > 31 ||
    Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59
  ) {
    throw new InvalidInstantError(value);
  }
  return ms;
}

export function isInstant(value: string): boolean {
  try {
    parseInstant(value);
    return true;
  } catch {
    return false;
  }
}

/** An instant as ISO-8601 in UTC, e.g. 2026-03-31T23:30:00Z (milliseconds only when not zero). */
export function toUtcIso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Normalise an instant to UTC (Z). */
export function normaliseInstant(value: string): string {
  return toUtcIso(parseInstant(value));
}

/** Awareness + exactly 72 hours, as an instant in UTC (Z). */
export function deadlineFor(awareAt: string): string {
  return toUtcIso(parseInstant(awareAt) + NOTIFICATION_HOURS * HOUR_MS);
}

/** Elapsed hours from one instant to another (negative when `to` is earlier), to 0.01 h. */
export function hoursBetween(from: string, to: string | Date): number {
  const end = typeof to === 'string' ? parseInstant(to) : to.getTime();
  return roundHours(end - parseInstant(from));
}

/** Milliseconds as hours to 0.01 h (never -0). */
function roundHours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 100) / 100 || 0;
}

export interface LatenessInput {
  awareAt: string;
  /** When the authority was notified, if it was. */
  notifiedAt?: string | null | undefined;
  now: Date;
  /** Whether notification is due (a breach with at least "risk"). */
  notificationDue: boolean;
}

export interface Lateness {
  deadline: string;
  notifiedAt: string | null;
  /** Notified after the deadline; or not notified, notification due, and `now` past the deadline. */
  late: boolean;
  /** late && notification due: the notification must give the reasons for the delay. */
  lateReasonRequired: boolean;
  /** Hours from awareness to notification, or to `now` when not yet notified. */
  hoursUsed: number;
}

export function lateness(input: LatenessInput): Lateness {
  const aware = parseInstant(input.awareAt);
  const deadlineMs = aware + NOTIFICATION_HOURS * HOUR_MS;
  const notified = input.notifiedAt ? parseInstant(input.notifiedAt) : null;
  const late = notified !== null ? notified > deadlineMs : input.notificationDue && input.now.getTime() > deadlineMs;
  const end = notified ?? input.now.getTime();
  return {
    deadline: toUtcIso(deadlineMs),
    notifiedAt: notified === null ? null : toUtcIso(notified),
    late,
    lateReasonRequired: late && input.notificationDue,
    hoursUsed: roundHours(end - aware),
  };
}

// ---------------------------------------------------------------------------------------------
// Showing instants to people.

const DEFAULT_ZONES: Readonly<Record<Country, string>> = { NL: 'Europe/Amsterdam', BE: 'Europe/Brussels' };

/** The organisation's zone for showing instants: its `time_zone`, else the country's. */
export function timeZoneFor(organisation: Pick<Organisation, 'country' | 'time_zone'>): string {
  return organisation.time_zone ?? DEFAULT_ZONES[organisation.country];
}

/**
 * An instant as local wall-clock time in an IANA zone, for people, e.g.
 * "1 april 2026 om 01:30 CEST" (nl) or "1 April 2026 at 01:30 CEST" (en).
 * Throws InvalidInstantError for a bad instant and RangeError for an unknown zone.
 */
export function formatInstant(instant: string | Date, timeZone: string, locale = 'nl-NL'): string {
  const date = typeof instant === 'string' ? new Date(parseInstant(instant)) : instant;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(date);
}
