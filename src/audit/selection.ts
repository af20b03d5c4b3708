/**
 * Which incidents go into an audit pack (pure). Criteria combine: an incident is selected when it
 * matches every criterion given (one of the ids, one of the organisations, and its moment of
 * awareness within the period). The period is a pair of calendar days, both inclusive, read in
 * the organisation's own time zone: `--to 2026-10-15` leaves out an incident the office became
 * aware of at 00:30 on 16 October in Amsterdam, although that moment is still 15 October in UTC.
 * It is the office's calendar that counts, never UTC's.
 */
import { compareText } from '../compare-text.js';

export interface SelectionCriteria {
  /** Incident ids (any of them). */
  incidents?: readonly string[];
  /** Organisation ids (any of them). */
  organisations?: readonly string[];
  /** First day, YYYY-MM-DD, inclusive. */
  from?: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to?: string;
}

/** What selection needs to know of an incident. */
export interface Candidate {
  id: string;
  organisation: string;
  /** timeline.aware_at, an ISO instant with offset. */
  awareAt: string;
  /** The organisation's IANA time zone. */
  zone: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD that exists on the calendar. */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Problems with the criteria themselves (for the command line to report as usage errors). */
export function criteriaProblems(c: SelectionCriteria): string[] {
  const problems: string[] = [];
  for (const [flag, value] of [
    ['--from', c.from],
    ['--to', c.to],
  ] as const) {
    if (value !== undefined && !isCalendarDay(value)) problems.push(`${flag} must be a calendar day as YYYY-MM-DD, e.g. 2026-06-30 (got "${value}")`);
  }
  if (c.from !== undefined && c.to !== undefined && isCalendarDay(c.from) && isCalendarDay(c.to) && c.from > c.to) {
    problems.push(`--from (${c.from}) is after --to (${c.to}); the period would hold no day`);
  }
  for (const id of [...(c.incidents ?? []), ...(c.organisations ?? [])]) {
    if (id.trim() === '') problems.push('--incident and --org need a value');
  }
  return [...new Set(problems)];
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(instant: string, zone: string): string {
  let f = dayFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']}`;
}

export function matches(c: SelectionCriteria, x: Candidate): boolean {
  if (c.incidents && c.incidents.length > 0 && !c.incidents.includes(x.id)) return false;
  if (c.organisations && c.organisations.length > 0 && !c.organisations.includes(x.organisation)) return false;
  if (c.from !== undefined || c.to !== undefined) {
    const day = localDay(x.awareAt, x.zone);
    if (c.from !== undefined && day < c.from) return false;
    if (c.to !== undefined && day > c.to) return false;
  }
  return true;
}

/** The selected candidates, ordered by organisation, then id. */
export function selectIncidents<T extends Candidate>(candidates: readonly T[], c: SelectionCriteria): T[] {
  return candidates.filter((x) => matches(c, x)).sort((a, b) => compareText(a.organisation, b.organisation) || compareText(a.id, b.id));
}

/**
 * Whether an incident file that could not be read or validated might belong to the selection.
 * Its id and organisation are taken from where it lies (incidents/<org>/<id>.yaml), the only
 * thing known about it; its moment of awareness is unknown, so a period never rules it out.
 */
export function mayBelong(file: string, c: SelectionCriteria): boolean {
  const m = /^incidents\/(?:([^/]+)\/)?(?:[^/]+\/)*([^/]+?)\.ya?ml$/.exec(file);
  const org = m?.[1];
  const id = m?.[2];
  if (c.organisations && c.organisations.length > 0 && org !== undefined && !c.organisations.includes(org)) return false;
  if (c.incidents && c.incidents.length > 0 && id !== undefined && !c.incidents.includes(id)) return false;
  return true;
}

/** The criteria in a stable, sorted form: what a manifest records. */
export function normaliseCriteria(c: SelectionCriteria): { incidents: string[]; organisations: string[]; from: string | null; to: string | null } {
  const list = (xs: readonly string[] | undefined) => [...new Set(xs ?? [])].sort(compareText);
  return { incidents: list(c.incidents), organisations: list(c.organisations), from: c.from ?? null, to: c.to ?? null };
}

/**
 * A short name for the selection, safe as a file name: "2026-004", "van-dam-advocaten",
 * "van-dam-advocaten_2026-01-01_2026-06-30", "from-2026-07-01", "all".
 */
export function selectionName(c: SelectionCriteria): string {
  const n = normaliseCriteria(c);
  const parts: string[] = [];
  if (n.organisations.length) parts.push(n.organisations.join('+'));
  if (n.incidents.length) parts.push(n.incidents.join('+'));
  if (n.from !== null && n.to !== null) parts.push(`${n.from}_${n.to}`);
  else if (n.from !== null) parts.push(`from-${n.from}`);
  else if (n.to !== null) parts.push(`to-${n.to}`);
  let name = parts.length ? parts.join('_') : 'all';
  name = name.replace(/[^A-Za-z0-9._+-]+/g, '-').replace(/^[.-]+/, '');
  if (name.length > 120) name = `${name.slice(0, 100)}-and-more`;
  return name || 'selection';
}

/** The selection in words, for people: "incident 2026-004", "organisation x, 2026-01-01 to 2026-06-30". */
export function describeCriteria(c: SelectionCriteria): string {
  const n = normaliseCriteria(c);
  const parts: string[] = [];
  if (n.incidents.length) parts.push(`${n.incidents.length === 1 ? 'incident' : 'incidents'} ${n.incidents.join(', ')}`);
  if (n.organisations.length) parts.push(`${n.organisations.length === 1 ? 'organisation' : 'organisations'} ${n.organisations.join(', ')}`);
  if (n.from !== null || n.to !== null) parts.push(`aware ${n.from !== null ? `from ${n.from}` : ''}${n.from !== null && n.to !== null ? ' ' : ''}${n.to !== null ? `to ${n.to}` : ''} (inclusive)`);
  return parts.length ? parts.join(', ') : 'all incidents';
}
