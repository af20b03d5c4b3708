/**
 * The date a document carries (pure). Documents about something already done carry the date it
 * was done (a letter sent, a notification made), so rebuilding them later gives the same bytes;
 * documents still to be used carry the build's day. SOURCE_DATE_EPOCH, when set, wins.
 */
import type { Incident } from '../model/incident.js';
import { wallClock } from '../incident/instant.js';

/** Noon UTC of the calendar day `now` falls on in `zone`: the same day everywhere in Europe. */
export function dayOf(now: Date, zone: string): Date {
  const w = wallClock(now, zone);
  return new Date(Date.UTC(Number(w.year), Number(w.month) - 1, Number(w.day), 12));
}

export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,12}$/.test(raw)) throw new RangeError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "${raw}")`);
  return new Date(Number(raw) * 1000);
}

/** The instant an incident document is about, when that act is done. */
function doneAt(documentId: string, incident: Incident): string | undefined {
  if (documentId.startsWith('brief') || documentId.startsWith('lettre')) return incident.communication?.informed_at;
  if (documentId.startsWith('melding-verzekeraar')) return incident.insurer_informed_at;
  if (documentId.startsWith('melding')) return incident.authority?.notified_at;
  return undefined;
}

export function incidentDocumentDate(documentId: string, incident: Incident, now: Date, zone: string, epoch?: Date): Date {
  if (epoch) return epoch;
  const done = doneAt(documentId, incident);
  return done ? new Date(done) : dayOf(now, zone);
}

/** The register is dated by its latest entry: rebuilding an unchanged register changes nothing. */
export function registerDate(incidents: readonly Incident[], now: Date, zone: string, epoch?: Date): Date {
  if (epoch) return epoch;
  let latest = 0;
  for (const i of incidents) {
    for (const at of [i.timeline.aware_at, i.timeline.closed_at, i.authority?.notified_at, i.communication?.informed_at, ...(i.authority?.follow_ups ?? []).map((f) => f.at)]) {
      if (at) latest = Math.max(latest, Date.parse(at));
    }
  }
  return latest > 0 ? new Date(Math.min(latest, now.getTime())) : dayOf(now, zone);
}
