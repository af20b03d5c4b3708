/** Showing instants to people: in the organisation's own time zone, with the zone's abbreviation. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-05 14:30 CET" for an ISO instant, in the given IANA zone. */
export function localTime(iso: string, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']} ${p['timeZoneName']}`;
}

/** "41 h" / "3 h 20 min" for a number of hours, rounded to minutes. */
export function hoursText(hours: number): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : h === 0 ? `${m} min` : `${h} h ${m} min`;
}
