/** Showing instants to people: in the organisation's own time zone, with the zone's abbreviation. */
import { wallClock } from '../incident/instant.js';
/** "2026-03-05 14:30 CET" for an ISO instant, in the given IANA zone. */
export function localTime(iso: string, zone: string): string {
  const w = wallClock(new Date(iso), zone);
  return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute} ${w.zoneName}`;
}

/** "41 h" / "3 h 20 min" for a number of hours, rounded to minutes. */
export function hoursText(hours: number): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : h === 0 ? `${m} min` : `${h} h ${m} min`;
}
