/** Writing instants with the UTC offset that applies in a time zone at that moment (DST-aware). */

/** "+01:00" or "+02:00" for Europe/Amsterdam, depending on the date. */
export function offsetAt(date: Date, zone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

export interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  /** Short zone name, e.g. "CET" or "CEST". */
  zoneName: string;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in an IANA zone, zero-padded (formatters cached per zone). */
export function wallClock(date: Date, zone: string): WallClock {
  let f = wallClocks.get(zone);
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
    wallClocks.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return { year: p['year']!, month: p['month']!, day: p['day']!, hour: p['hour']!, minute: p['minute']!, zoneName: p['timeZoneName']! };
}

/** The instant as local wall-clock time in the zone, with its offset, to the minute: 2026-11-22T13:05:00+01:00. */
export function localIso(date: Date, zone: string): string {
  const w = wallClock(date, zone);
  return `${w.year}-${w.month}-${w.day}T${w.hour}:${w.minute}:00${offsetAt(date, zone)}`;
}
