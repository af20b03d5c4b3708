/**
 * Moments as written in incident files: instants with a UTC offset, or plain dates when only the
 * day is known. Comparisons answer "certainly before": a plain date covers its whole day in the
 * office's time zone, so 2026-03-02 is not before 2026-03-02T10:00:00+01:00, but is before
 * 2026-03-03T00:30:00+01:00.
 */

export type Moment = { kind: 'instant'; ms: number; text: string } | { kind: 'date'; date: string; text: string };

const INSTANT = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(Z|z|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DEFAULT_ZONE = 'Europe/Amsterdam';

export function parseMoment(v: unknown): Moment | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  const m = INSTANT.exec(s);
  if (m) {
    let zone = m[3]!.toUpperCase();
    if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const ms = Date.parse(`${m[1]}T${m[2]!.replace(',', '.')}${zone}`);
    return Number.isNaN(ms) ? undefined : { kind: 'instant', ms, text: s };
  }
  if (DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))) return { kind: 'date', date: s, text: s };
  return undefined;
}

export function parseInstant(v: unknown): (Moment & { kind: 'instant' }) | undefined {
  const m = parseMoment(v);
  return m?.kind === 'instant' ? m : undefined;
}

const zones = new Map<string, boolean>();

export function isValidZone(zone: string): boolean {
  let ok = zones.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (zones.size < 1000) zones.set(zone, ok);
  }
  return ok;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(ms: number, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: isValidZone(zone) ? zone : DEFAULT_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f.format(new Date(ms));
}

/** True only when a lies certainly before b. */
export function isBefore(a: Moment, b: Moment, zone: string): boolean {
  if (a.kind === 'instant' && b.kind === 'instant') return a.ms < b.ms;
  const da = a.kind === 'date' ? a.date : localDate(a.ms, zone);
  const db = b.kind === 'date' ? b.date : localDate(b.ms, zone);
  return da < db;
}

/** True only when the moment lies certainly after now. */
export function isAfterNow(m: Moment, now: Date, zone: string): boolean {
  if (m.kind === 'instant') return m.ms > now.getTime();
  return m.date > localDate(now.getTime(), zone);
}

export const HOUR_MS = 3_600_000;

export function hoursBetween(from: Moment & { kind: 'instant' }, to: Moment & { kind: 'instant' }): number {
  return (to.ms - from.ms) / HOUR_MS;
}

/** "73" or "72.5" hours, for messages. */
export function formatHours(h: number): string {
  const r = Math.round(h * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
