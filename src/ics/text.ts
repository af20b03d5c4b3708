/**
 * The few pieces of RFC 5545 (iCalendar) that datalek needs, written by hand (pure):
 *   - content lines end in CRLF (3.1);
 *   - lines longer than 75 octets are folded: CRLF followed by one space, never inside a UTF-8
 *     sequence (3.1);
 *   - TEXT values escape backslash, semicolon, comma and newlines (3.3.11);
 *   - DATE-TIME in UTC as YYYYMMDDTHHMMSSZ (3.3.5, form 2), DATE as YYYYMMDD (3.3.4).
 */

export const CRLF = '\r\n';
/** Octets per physical line, not counting the CRLF. */
export const FOLD_AT = 75;

/** A TEXT value: `\` `;` `,` and newlines escaped; other control characters (except tab) dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** One content line, folded at 75 octets (continuation lines start with a space). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= FOLD_AT) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = FOLD_AT;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = FOLD_AT - 1; // the leading space counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 20261123T143000Z */
export function utcDateTime(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The calendar day of an instant in a time zone, as an iCalendar DATE: 20261120. */
export function localDate(instant: Date | string, zone: string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d).map((x) => [x.type, x.value]),
  );
  return `${p['year']}${p['month']}${p['day']}`;
}

/** A property line `NAME;PARAMS:value`, folded. The value must already be escaped where needed. */
export function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** A TEXT property, escaped and folded. */
export function textProperty(name: string, value: string): string {
  return property(name, escapeText(value));
}
