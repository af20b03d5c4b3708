/**
 * Plain-English descriptions of what a schema expects and of what a file holds, for messages a
 * legal adviser can act on ("must be a whole number, 0 or more; found the text 'twelve'").
 */

import { quoted } from '../diagnostics/redact.js';

export type SchemaObject = Record<string, unknown>;
/** Follows $ref (and merges sibling keywords); returns the schema unchanged when it has none. */
export type Resolve = (schema: unknown) => unknown;

export const INSTANT_TEXT = 'a date and time with its UTC offset, e.g. 2026-03-02T14:30:00+01:00';
export const INSTANT_HINT =
  'Write the date, a T, the time with seconds and the offset from UTC, e.g. 2026-03-02T14:30:00+01:00 (winter time in the Netherlands and Belgium) or 2026-07-02T14:30:00+02:00 (summer time).';
export const DATE_TEXT = 'a date written as YYYY-MM-DD, e.g. 2026-03-02';
export const DATE_HINT = 'Write year, month and day with leading zeros and dashes, e.g. 2026-03-02.';

const FORMAT_TEXT: Record<string, string> = {
  'date-time': INSTANT_TEXT,
  date: DATE_TEXT,
  time: 'a time with its UTC offset, e.g. 14:30:00+01:00',
  email: 'an e-mail address, e.g. meldpunt@example.nl',
  'idn-email': 'an e-mail address, e.g. meldpunt@example.nl',
  uri: 'a full web address, e.g. https://www.example.nl',
  'uri-reference': 'a web address or a path',
  url: 'a full web address, e.g. https://www.example.nl',
  hostname: 'a host name, e.g. www.example.nl',
  ipv4: 'an IPv4 address, e.g. 192.0.2.10',
  ipv6: 'an IPv6 address',
  uuid: 'a UUID',
  duration: 'a duration such as PT72H',
  regex: 'a regular expression',
};

export const isObject = (v: unknown): v is SchemaObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value as written in YAML: strings quoted, others as is. */
export function show(v: unknown): string {
  if (typeof v === 'string') return `'${clip(v)}'`;
  if (v === null) return 'null';
  if (typeof v === 'object') return clip(JSON.stringify(v));
  return String(v);
}

/** A value of a list of allowed values: written bare, as the user would type it. */
export function showBare(v: unknown): string {
  return typeof v === 'string' ? v : show(v);
}

export function clip(s: string, max = 60): string {
  const one = s.replace(/\s*\n\s*/g, ' ');
  return one.length > max ? one.slice(0, max - 3) + '...' : one;
}

/**
 * What the file holds, for "found ..." ("the text 'abc'", "the number 12", "a list"). Texts and
 * numbers are the file's content: they are marked as quoted (shown only with --verbose).
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return v === '' ? 'empty text' : `the text '${quoted(clip(v))}'`;
  if (typeof v === 'number') return `the number ${quoted(String(v))}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (typeof v === 'object') return 'a group of fields';
  return typeof v;
}

/** The value alone, for "found ..." after a list of allowed values; texts and numbers marked as quoted. */
export function showFound(v: unknown): string {
  if (typeof v === 'string') return `'${quoted(clip(v))}'`;
  if (typeof v === 'number') return quoted(String(v));
  return typeof v === 'boolean' ? String(v) : describeValue(v);
}

function range(s: SchemaObject): string {
  const min = typeof s.minimum === 'number' ? s.minimum : undefined;
  const max = typeof s.maximum === 'number' ? s.maximum : undefined;
  const xmin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const xmax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  const parts: string[] = [];
  if (min !== undefined && max !== undefined) parts.push(`from ${min} to ${max}`);
  else if (min !== undefined) parts.push(`${min} or more`);
  else if (max !== undefined) parts.push(`${max} or less`);
  if (xmin !== undefined) parts.push(`more than ${xmin}`);
  if (xmax !== undefined) parts.push(`less than ${xmax}`);
  if (typeof s.multipleOf === 'number' && s.multipleOf !== 1) parts.push(`a multiple of ${s.multipleOf}`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function typesOf(s: SchemaObject): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  if ('properties' in s || 'required' in s || 'additionalProperties' in s) return ['object'];
  if ('items' in s || 'prefixItems' in s || 'minItems' in s) return ['array'];
  if ('minimum' in s || 'maximum' in s || 'exclusiveMinimum' in s) return ['number'];
  if ('minLength' in s || 'pattern' in s || 'format' in s) return ['string'];
  return [];
}

function typeText(t: string, s: SchemaObject): string {
  switch (t) {
    case 'integer':
      return `a whole number${range(s)}`;
    case 'number':
      return `a number${range(s)}`;
    case 'string': {
      const ex = Array.isArray(s.examples) && typeof s.examples[0] === 'string' ? ` like '${clip(s.examples[0])}'` : '';
      return typeof s.minLength === 'number' && s.minLength > 0 ? `text (not empty)${ex}` : `text${ex}`;
    }
    case 'boolean':
      return 'true or false';
    case 'array':
      return typeof s.minItems === 'number' && s.minItems > 0
        ? `a list of at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`
        : 'a list';
    case 'object':
      return 'a group of fields';
    case 'null':
      return 'empty';
    default:
      return t;
  }
}

/** What a schema asks for, as a phrase after "must be". */
export function describeSchema(schema: unknown, resolve: Resolve, depth = 0): string {
  const s = resolve(schema);
  if (s === true) return 'any value';
  if (s === false) return 'absent';
  if (!isObject(s)) return 'a value';
  if ('const' in s) return `exactly ${show(s.const)}`;
  if (Array.isArray(s.enum)) return `one of: ${s.enum.map(showBare).join(', ')}`;
  if (typeof s.format === 'string' && FORMAT_TEXT[s.format]) return FORMAT_TEXT[s.format]!;
  const alts = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (alts && !('type' in s) && depth < 4) return orList(alts.map((a) => describeSchema(a, resolve, depth + 1)));
  const types = typesOf(s);
  if (types.length === 0) return 'a value of another kind';
  return orList(types.map((t) => typeText(t, s)));
}

/** ["a", "b", "c"] -> "a, b, or c" (without repeats). */
export function orList(items: string[]): string {
  const u = [...new Set(items)];
  if (u.length <= 1) return u[0] ?? '';
  if (u.length === 2) return `${u[0]}, or ${u[1]}`;
  return `${u.slice(0, -1).join(', ')}, or ${u[u.length - 1]}`;
}

/** Why an instant is wrong, as a short clause after the "found" part (or ''). */
export function instantTrouble(v: unknown): string {
  if (typeof v !== 'string') return '';
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return ': only a date; add the time and UTC offset';
  const m = /^(\d{4})-(\d{2})-(\d{2})([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) {
    if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(s)) return ': write the year first (YYYY-MM-DD)';
    return '';
  }
  const [, y, mo, d, sep, h, mi, sec, zone] = m;
  if (!zone) return ': the UTC offset (e.g. +01:00) is missing';
  if (sec === undefined) return ': the seconds are missing';
  const month = Number(mo);
  const day = Number(d);
  const daysIn = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysIn || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) {
    return ': that date or time does not exist';
  }
  if (sep !== 'T') return ": put a capital T between the date and the time";
  if (/^[+-]\d{4}$/.test(zone)) return ': write the offset with a colon, e.g. +01:00';
  return '';
}

export function dateTrouble(v: unknown): string {
  if (typeof v !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) {
    if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(v.trim())) return ': write the year first (YYYY-MM-DD)';
    return '';
  }
  const month = Number(m[2]);
  const day = Number(m[3]);
  const daysIn = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return month < 1 || month > 12 || day < 1 || day > daysIn ? ': that date does not exist' : '';
}
