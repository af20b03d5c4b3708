/**
 * The open duties of `datalek status` as an iCalendar file (RFC 5545), pure: same duties and the
 * same `now`, same bytes.
 *
 * Design:
 *   - A duty with a hard deadline (notifying the authority: awareness + 72 hours) is a VEVENT at
 *     that instant, written in UTC (`DTSTART:20261123T143000Z`), without an end (a moment, not a
 *     meeting; RFC 5545 3.6.1), TRANSP:TRANSPARENT so it does not block time, with two
 *     VALARMs: 24 hours and 1 hour before. An overdue deadline is still listed (its summary
 *     says so).
 *   - Every other open duty (informing the people "without undue delay", the risk assessment by
 *     a named person, the remaining checklist steps) is a VTODO, STATUS:NEEDS-ACTION, starting on
 *     the day the office became aware (an all-day DTSTART;VALUE=DATE in the office's zone), without
 *     a due date, since the law sets none. Task-aware clients (Thunderbird, Apple Reminders,
 *     Outlook tasks) list them; calendars that ignore VTODO (Google Calendar) show the deadlines only.
 *   - UID is stable per incident and duty (`notify_authority.2026-004.van-dam-advocaten@datalek`),
 *     so importing a newer file updates the entries instead of doubling them; a duty done
 *     disappears from the next file. DTSTAMP is `now` (the --now of the command), so the output is
 *     reproducible.
 */
import type { Duty } from '../status/duties.js';
import { CRLF, localDate, property, textProperty, utcDateTime } from './text.js';

export interface IncidentInfo {
  /** The office's name. */
  organisationName: string;
  title: string;
  /** The office's IANA time zone, for local dates and times in the texts. */
  zone: string;
  /** timeline.aware_at (ISO instant). */
  awareAt: string;
}

export interface CalendarInput {
  duties: readonly Duty[];
  /** Per incident id. */
  incidents: ReadonlyMap<string, IncidentInfo>;
  now: Date;
  /** For PRODID, e.g. "0.1.0". */
  version: string;
  /** Shows a local time for texts, e.g. "2026-11-23 15:30 CET". */
  localTime: (iso: string, zone: string) => string;
}

/** Hours before the deadline at which an alarm goes off. */
export const ALARM_HOURS = [24, 1] as const;

export function dutyUid(d: Pick<Duty, 'kind' | 'step' | 'incidentId' | 'organisation'>): string {
  const what = d.kind === 'checklist' && d.step ? `checklist-${d.step}` : d.kind;
  return `${what}.${d.incidentId}.${d.organisation}@datalek`;
}

const PRIORITY: Record<Duty['kind'], number> = { notify_authority: 1, inform_data_subjects: 1, assess_risk: 2, checklist: 5 };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function deadlineEvent(d: Duty, info: IncidentInfo | undefined, input: CalendarInput): string[] {
  const deadline = d.deadline!;
  const overdue = Date.parse(deadline) < input.now.getTime();
  const zone = info?.zone ?? 'Europe/Amsterdam';
  const summary = `${overdue ? 'OVERDUE: ' : 'Deadline: '}${d.what} – ${d.incidentId}${info ? ` ${info.title}` : ''}`;
  const description = [
    `${capitalise(d.what)}.`,
    ...(info ? [`Incident ${d.incidentId} of ${info.organisationName}: ${info.title}`] : []),
    `Deadline: ${input.localTime(deadline, zone)}, 72 hours after the office became aware` +
      (info ? ` (${input.localTime(info.awareAt, zone)})` : '') +
      ' (GDPR art. 33(1)); a later notification must give the reasons for the delay.',
    `Incident file: ${d.file}`,
    'Run `datalek status` for the current state.',
  ].join('\n');
  const lines = [
    'BEGIN:VEVENT',
    property('UID', dutyUid(d)),
    property('DTSTAMP', utcDateTime(input.now)),
    property('DTSTART', utcDateTime(deadline)),
    textProperty('SUMMARY', summary),
    textProperty('DESCRIPTION', description),
    property('CATEGORIES', 'datalek,deadline'),
    property('PRIORITY', String(PRIORITY[d.kind])),
    property('STATUS', 'CONFIRMED'),
    property('TRANSP', 'TRANSPARENT'),
  ];
  for (const hours of ALARM_HOURS) {
    lines.push(
      'BEGIN:VALARM',
      property('ACTION', 'DISPLAY'),
      textProperty('DESCRIPTION', `${hours} ${hours === 1 ? 'hour' : 'hours'} left: ${d.what} (${d.incidentId})`),
      property('TRIGGER;RELATED=START', `-PT${hours}H`),
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

function dutyTodo(d: Duty, info: IncidentInfo | undefined, input: CalendarInput): string[] {
  const lines = [
    'BEGIN:VTODO',
    property('UID', dutyUid(d)),
    property('DTSTAMP', utcDateTime(input.now)),
  ];
  if (info) lines.push(property('DTSTART;VALUE=DATE', localDate(info.awareAt, info.zone)));
  lines.push(
    textProperty('SUMMARY', `${capitalise(d.what)} – ${d.incidentId}${info ? ` ${info.title}` : ''}`),
    textProperty(
      'DESCRIPTION',
      [
        `${capitalise(d.what)}.`,
        ...(info ? [`Incident ${d.incidentId} of ${info.organisationName}: ${info.title}`] : []),
        `Incident file: ${d.file}`,
        'Run `datalek status` for the current state.',
      ].join('\n'),
    ),
    property('CATEGORIES', d.kind === 'checklist' ? 'datalek,checklist' : 'datalek'),
    property('PRIORITY', String(PRIORITY[d.kind])),
    property('STATUS', 'NEEDS-ACTION'),
    'END:VTODO',
  );
  return lines;
}

/** The complete iCalendar text, lines ending in CRLF. */
export function dutiesCalendar(input: CalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', `-//datalek//datalek ${input.version}//EN`),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    textProperty('X-WR-CALNAME', 'datalek: open duties'),
  ];
  for (const d of input.duties) {
    const info = input.incidents.get(d.incidentId);
    lines.push(...(d.deadline !== null ? deadlineEvent(d, info, input) : dutyTodo(d, info, input)));
  }
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}
