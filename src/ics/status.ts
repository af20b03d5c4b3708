/**
 * `datalek status --ics FILE`: the IO edge around dutiesCalendar. Writes atomically (a temporary
 * file beside the target, then a rename).
 */
import path from 'node:path';
import type { Io } from '../cli/io.js';
import { localTime } from '../cli/time.js';
import { writeFileAtomic } from '../build/write.js';
import type { TriagedIncident } from '../project/load.js';
import type { Duty } from '../status/duties.js';
import { timeZoneFor } from '../triage/deadline.js';
import { VERSION } from '../version.js';
import { dutiesCalendar, type IncidentInfo } from './calendar.js';

export interface CalendarWritten {
  ok: boolean;
  /** What happened, for people: "Wrote x.ics: 1 deadline, 6 open steps." or why not. */
  message: string;
}

export function calendarFor(duties: readonly Duty[], triaged: readonly TriagedIncident[], now: Date): string {
  const incidents = new Map<string, IncidentInfo>(
    triaged.map((t) => [
      t.incident.id,
      { organisationName: t.organisation.name, title: t.incident.title, zone: timeZoneFor(t.organisation), awareAt: t.incident.timeline.aware_at },
    ]),
  );
  return dutiesCalendar({ duties, incidents, now, version: VERSION, localTime });
}

export async function writeDutiesCalendar(
  target: string,
  duties: readonly Duty[],
  triaged: readonly TriagedIncident[],
  now: Date,
  io: Io,
): Promise<CalendarWritten> {
  const text = calendarFor(duties, triaged, now);
  const file = path.resolve(io.cwd, target);
  const deadlines = duties.filter((d) => d.deadline !== null).length;
  const steps = duties.length - deadlines;
  try {
    await writeFileAtomic(file, text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, message: `cannot write the calendar to ${target}: ${err.code ?? ''} ${err.message}`.replace(/\s+/g, ' ') };
  }
  const shown = path.relative(io.cwd, file) || file;
  return {
    ok: true,
    message: `Wrote ${shown}: ${deadlines} ${deadlines === 1 ? 'deadline' : 'deadlines'} (alarms 24 h and 1 h before) and ${steps} open ${steps === 1 ? 'step' : 'steps'} as tasks.`,
  };
}
