/**
 * Formatting filters for templates, used as `{aware_at | datum}` or
 * `{data_subjects.count | aantal:"persoon":"personen"}`. Pure: no clock, no machine locale, no
 * machine time zone; the only outside input is the time zone, bound by `createFilters`.
 *
 * Language: two sets of names, one per language, always both available. Dutch names format in
 * Dutch, French names in French, so a French letter reads `{aware_at | date}` and a Dutch one
 * `{aware_at | datum}`; nothing hides in the data. (A single set switched by a `$taal` key would
 * make the same template print differently depending on data; we preferred explicit.)
 *
 *   Dutch        French       output (nl / fr)
 *   datum        date         22 november 2026        / 22 novembre 2026 (1er novembre)
 *   datumkort    datecourte   22-11-2026              / 22/11/2026
 *   tijd         heure        14:30                   / 14h30
 *   datumtijd    dateheure    22 november 2026 om 14:30 uur / 22 novembre 2026 à 14h30
 *   janee        ouinon       ja / nee                / oui / non
 *   lijst        liste        a, b en c               / a, b et c
 *   aantal       nombre       1.250 ; 1 persoon, 12 personen / 1 250 ; 1 personne, 12 personnes
 *   bereik       fourchette   tussen 10 en 50 (equal: 50) / entre 10 et 50
 *   uren         heures       41 uur                  / 41 heures (1 heure)
 *   bedrag       montant      € 1.250,00              / 1 250,00 €
 *   hoofdletter  majuscule    Eerste letter groot (Dutch "ij" -> "IJ") / Première lettre
 *
 * Dates and times: an instant (ISO-8601 with offset or Z, or a Date) is shown as wall time in
 * the data's time zone (`$zone`, default Europe/Amsterdam), through Intl and the IANA database,
 * so summer and winter time come out right whatever offset the string was written with. A plain
 * date (YYYY-MM-DD) is a calendar day and is shown as is (no zone shift); asking its time is an
 * error. A date-time without offset is refused: it names no instant.
 *
 * Errors: a filter applied to undefined or null throws `missingValue` (DL-TEMPLATE-MISSING-VALUE),
 * never prints "undefined"; a value of the wrong kind throws `badValue` (DL-TEMPLATE-BAD-VALUE).
 * French numbers use a no-break space (U+00A0) as thousands separator and before "€".
 */
import { badValue, missingValue } from './errors.js';
import { quoted } from '../../diagnostics/redact.js';

export type Filter = (input: unknown, ...args: unknown[]) => string;
export type FilterSet = Readonly<Record<string, Filter>>;

export const DEFAULT_ZONE = 'Europe/Amsterdam';

const NBSP = '\u00a0';

const MONTHS_NL = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;
const MONTHS_FR = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
] as const;

// ---- values ----------------------------------------------------------------------------------

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date object';
  // Values come from incident files: quoted, so diagnostics show them only with --verbose.
  if (typeof v === 'string') return `"${quoted(v.length > 40 ? `${v.slice(0, 40)}…` : v)}"`;
  if (typeof v === 'object') return 'a group of fields';
  return typeof v === 'number' ? `number ${quoted(String(v))}` : `${typeof v} ${String(v)}`;
}

function present(filter: string, v: unknown, what = 'its input'): void {
  if (v === undefined || v === null) {
    throw missingValue(`the filter "${filter}" got no value for ${what} (the field is missing or empty)`);
  }
}

function num(filter: string, v: unknown, what?: string): number {
  present(filter, v, what);
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw badValue(`the filter "${filter}" needs a number${what ? ` for ${what}` : ''}, not ${describe(v)}`);
  }
  return v;
}

function str(filter: string, v: unknown, what?: string): string {
  present(filter, v, what);
  if (typeof v !== 'string') throw badValue(`the filter "${filter}" needs text${what ? ` for ${what}` : ''}, not ${describe(v)}`);
  return v;
}

// ---- dates -----------------------------------------------------------------------------------

/** Wall-clock fields; `hour`/`minute` are absent for a calendar date. */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour?: number;
  minute?: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      throw badValue(`"${zone}" is not a time zone (use an IANA name such as Europe/Amsterdam or Europe/Brussels)`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Throws badValue when `zone` is not an IANA time zone this Node knows. */
export function checkZone(zone: string): void {
  formatterFor(zone);
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The wall time of `value` in `zone`; a calendar date stays that day. */
export function wallTime(filter: string, value: unknown, zone: string): Readonly<WallTime> {
  present(filter, value);
  let ms: number;
  if (value instanceof Date) {
    ms = value.getTime();
    if (Number.isNaN(ms)) throw badValue(`the filter "${filter}" got an invalid date`);
  } else if (typeof value === 'string') {
    const s = value.trim();
    const d = DATE_ONLY.exec(s);
    if (d) {
      const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
      if (!validDay(year, month, day)) throw badValue(`the filter "${filter}" got ${describe(value)}, which is not a real date`);
      return { year, month, day };
    }
    const t = DATE_TIME.exec(s);
    if (!t) throw badValue(`the filter "${filter}" needs a date (YYYY-MM-DD) or a date and time with offset, not ${describe(value)}`);
    if (!t[8]) {
      throw badValue(`the filter "${filter}" got ${describe(value)}: a date and time without UTC offset; write it with its offset, e.g. +01:00 or +02:00`);
    }
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(t[i])) as [number, number, number, number, number];
    if (!validDay(year, month, day) || hour > 23 || minute > 59) {
      throw badValue(`the filter "${filter}" got ${describe(value)}, which is not a real date and time`);
    }
    let off = t[8].toUpperCase();
    if (off !== 'Z') off = off.length === 3 ? `${off}:00` : off.includes(':') ? off : `${off.slice(0, 3)}:${off.slice(3)}`;
    ms = Date.parse(`${t[1]}-${t[2]}-${t[3]}T${t[4]}:${t[5]}:${t[6] ?? '00'}${t[7] ? `.${t[7].slice(0, 3)}` : ''}${off}`);
    if (Number.isNaN(ms)) throw badValue(`the filter "${filter}" could not read ${describe(value)} as a date and time`);
  } else {
    throw badValue(`the filter "${filter}" needs a date, not ${describe(value)}`);
  }
  return zonedTime(ms, zone);
}

/**
 * Intl's formatToParts costs about 0.2 ms a call, and the same instants come back in every
 * document of an incident and in both formats of each (a register of 250 rows asks for about
 * 1,000). So the wall times are remembered, a few thousand at most. Callers only read them.
 */
const zoned = new Map<string, Readonly<WallTime>>();
const ZONED_MAX = 4096;

function zonedTime(ms: number, zone: string): Readonly<WallTime> {
  const key = `${zone}\0${ms}`;
  const known = zoned.get(key);
  if (known) return known;
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const made = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
  if (zoned.size >= ZONED_MAX) zoned.clear();
  zoned.set(key, made);
  return made;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function needTime(filter: string, w: WallTime): { hour: number; minute: number } {
  if (w.hour === undefined || w.minute === undefined) {
    throw badValue(`the filter "${filter}" needs a date with a time of day, but the value is a date only`);
  }
  return { hour: w.hour, minute: w.minute };
}

export const datum = (v: unknown, zone = DEFAULT_ZONE): string => {
  const w = wallTime('datum', v, zone);
  return `${w.day} ${MONTHS_NL[w.month - 1]} ${w.year}`;
};
export const datumkort = (v: unknown, zone = DEFAULT_ZONE): string => {
  const w = wallTime('datumkort', v, zone);
  return `${pad2(w.day)}-${pad2(w.month)}-${w.year}`;
};
export const tijd = (v: unknown, zone = DEFAULT_ZONE): string => {
  const t = needTime('tijd', wallTime('tijd', v, zone));
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
};
export const datumtijd = (v: unknown, zone = DEFAULT_ZONE): string => {
  const w = wallTime('datumtijd', v, zone);
  const t = needTime('datumtijd', w);
  return `${w.day} ${MONTHS_NL[w.month - 1]} ${w.year} om ${pad2(t.hour)}:${pad2(t.minute)} uur`;
};

export const date = (v: unknown, zone = DEFAULT_ZONE): string => {
  const w = wallTime('date', v, zone);
  return `${w.day === 1 ? '1er' : w.day} ${MONTHS_FR[w.month - 1]} ${w.year}`;
};
export const datecourte = (v: unknown, zone = DEFAULT_ZONE): string => {
  const w = wallTime('datecourte', v, zone);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
};
export const heure = (v: unknown, zone = DEFAULT_ZONE): string => {
  const t = needTime('heure', wallTime('heure', v, zone));
  return `${pad2(t.hour)}h${pad2(t.minute)}`;
};
export const dateheure = (v: unknown, zone = DEFAULT_ZONE): string => {
  const w = wallTime('dateheure', v, zone);
  const t = needTime('dateheure', w);
  return `${w.day === 1 ? '1er' : w.day} ${MONTHS_FR[w.month - 1]} ${w.year} à ${pad2(t.hour)}h${pad2(t.minute)}`;
};

// ---- yes/no, lists ---------------------------------------------------------------------------

function bool(filter: string, v: unknown): boolean {
  present(filter, v);
  if (typeof v !== 'boolean') throw badValue(`the filter "${filter}" needs a yes/no value (true or false), not ${describe(v)}`);
  return v;
}

export const janee = (v: unknown): string => (bool('janee', v) ? 'ja' : 'nee');
export const ouinon = (v: unknown): string => (bool('ouinon', v) ? 'oui' : 'non');

function joinList(filter: string, v: unknown, and: string): string {
  present(filter, v);
  if (!Array.isArray(v)) throw badValue(`the filter "${filter}" needs a list, not ${describe(v)}`);
  const items = v.map((item, i) => {
    if (item === undefined || item === null) throw missingValue(`the filter "${filter}" got an empty item (number ${i + 1}) in the list`);
    if (typeof item === 'string') return item;
    if (typeof item === 'number' && Number.isFinite(item)) return String(item);
    throw badValue(`the filter "${filter}" needs a list of texts, but item ${i + 1} is ${describe(item)}`);
  });
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

export const lijst = (v: unknown): string => joinList('lijst', v, 'en');
export const liste = (v: unknown): string => joinList('liste', v, 'et');

// ---- numbers ---------------------------------------------------------------------------------

/**
 * Round |n| half-up to `d` decimals on its shortest decimal representation (so 1.005 -> 1.01,
 * as people expect, not 1.00 as binary floating point would give). Returns digit strings.
 */
function roundDecimal(abs: number, d: number): { int: string; frac: string } {
  const s = String(abs);
  if (/e/i.test(s)) {
    const fixed = abs.toFixed(d); // tiny numbers round to zero; huge ones have no decimals
    const [i, f = ''] = fixed.includes('e') ? [BigInt(Math.trunc(abs)).toString(), ''] : fixed.split('.');
    return { int: i!, frac: f.padEnd(d, '0') };
  }
  const [i, f = ''] = s.split('.') as [string, string?];
  const digits = BigInt(i + f.padEnd(d, '0').slice(0, d)) + (Number(f[d] ?? '0') >= 5 ? 1n : 0n);
  const all = digits.toString().padStart(d + 1, '0');
  return { int: all.slice(0, all.length - d), frac: d > 0 ? all.slice(all.length - d) : '' };
}

/** Digits with a thousands separator and a decimal comma; `decimals` fixed, else as needed (max 2). */
function formatNumber(n: number, thousands: string, decimals?: number): string {
  const { int, frac: raw } = roundDecimal(Math.abs(n), decimals ?? 2);
  const frac = decimals === undefined ? raw.replace(/0+$/, '') : raw;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const body = frac ? `${grouped},${frac}` : grouped;
  return n < 0 && /[1-9]/.test(int + frac) ? `-${body}` : body;
}

function words(filter: string, args: unknown[], from: number): [string, string] | undefined {
  const one = args[from];
  const many = args[from + 1];
  if (one === undefined) return undefined;
  const s = str(filter, one, 'the singular word');
  const p = many === undefined ? s : str(filter, many, 'the plural word');
  return [s, p];
}

/** Dutch: singular only for exactly 1 (or -1). French: singular below 2 (0 personne, 1,5 heure). */
const singularNl = (n: number): boolean => Math.abs(n) === 1;
const singularFr = (n: number): boolean => Math.abs(n) < 2;

function counted(filter: string, lang: 'nl' | 'fr', n: unknown, args: unknown[], from: number): string {
  const value = num(filter, n);
  const text = formatNumber(value, lang === 'nl' ? '.' : NBSP);
  const w = words(filter, args, from);
  if (!w) return text;
  return `${text} ${(lang === 'nl' ? singularNl(value) : singularFr(value)) ? w[0] : w[1]}`;
}

/** `{n | aantal}` -> "1.250"; `{n | aantal:"persoon":"personen"}` -> "1 persoon" / "12 personen". */
export const aantal = (n: unknown, ...args: unknown[]): string => counted('aantal', 'nl', n, args, 0);
export const nombre = (n: unknown, ...args: unknown[]): string => counted('nombre', 'fr', n, args, 0);

function range(filter: string, lang: 'nl' | 'fr', min: unknown, args: unknown[]): string {
  let lo: unknown = min;
  let hi: unknown = args[0];
  let from = 1;
  if (Array.isArray(min)) {
    if (min.length !== 2) throw badValue(`the filter "${filter}" needs two numbers [min, max], not a list of ${min.length}`);
    [lo, hi] = min as [unknown, unknown];
    from = 0;
  }
  const a = num(filter, lo, 'the lower bound');
  const b = num(filter, hi, 'the upper bound');
  if (a > b) throw badValue(`the filter "${filter}" got a lower bound (${a}) above the upper bound (${b})`);
  const w = words(filter, args, from);
  const thousands = lang === 'nl' ? '.' : NBSP;
  const unit = w ? ` ${w[1]}` : '';
  if (a === b) return counted(filter, lang, a, args, from);
  const [between, and] = lang === 'nl' ? ['tussen', 'en'] : ['entre', 'et'];
  return `${between} ${formatNumber(a, thousands)} ${and} ${formatNumber(b, thousands)}${unit}`;
}

/** `{count_min | bereik:count_max}` -> "tussen 10 en 50" (equal: "50"); optional unit words follow. Also `{[min,max] | bereik}` when the data holds a pair. */
export const bereik = (min: unknown, ...args: unknown[]): string => range('bereik', 'nl', min, args);
export const fourchette = (min: unknown, ...args: unknown[]): string => range('fourchette', 'fr', min, args);

/** Hours: "41 uur", "1 uur", "1,5 uur" (Dutch uses "uur" after any number). */
export const uren = (n: unknown): string => `${formatNumber(num('uren', n), '.')} uur`;
export const heures = (n: unknown): string => {
  const v = num('heures', n);
  return `${formatNumber(v, NBSP)} ${singularFr(v) ? 'heure' : 'heures'}`;
};

/** Euro amounts: "€ 1.250,00" (negative: "€ -1.250,00"); French "1 250,00 €". */
export const bedrag = (n: unknown): string => `€ ${formatNumber(num('bedrag', n), '.', 2)}`;
export const montant = (n: unknown): string => `${formatNumber(num('montant', n), NBSP, 2)}${NBSP}€`;

// ---- text ------------------------------------------------------------------------------------

/** First letter upper case; Dutch "ij" at the start becomes "IJ" (IJsselmeer). */
export const hoofdletter = (v: unknown): string => {
  const s = str('hoofdletter', v);
  if (/^ij/.test(s)) return `IJ${s.slice(2)}`;
  return capitalise(s);
};
export const majuscule = (v: unknown): string => capitalise(str('majuscule', v));

function capitalise(s: string): string {
  const first = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return s.length === 0 ? s : first.toUpperCase() + s.slice(first.length);
}

// ---- the set ---------------------------------------------------------------------------------

export const FILTER_NAMES = [
  'datum', 'datumkort', 'tijd', 'datumtijd', 'janee', 'lijst', 'aantal', 'bereik', 'uren', 'bedrag', 'hoofdletter',
  'date', 'datecourte', 'heure', 'dateheure', 'ouinon', 'liste', 'nombre', 'fourchette', 'heures', 'montant', 'majuscule',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/**
 * The filters for one render, with dates shown in `zone`. The object has no prototype and is
 * frozen, so `{x | constructor}` or `{x | __proto__}` finds nothing (angular-expressions also
 * looks filters up by own property only).
 */
const filterSets = new Map<string, FilterSet>();

/** The filters for a time zone; one frozen set per zone, shared (so compiled tags can be shared too). */
export function createFilters(options: { zone?: string } = {}): FilterSet {
  const zone = options.zone ?? DEFAULT_ZONE;
  let cached = filterSets.get(zone);
  if (!cached) {
    cached = buildFilters(zone);
    if (filterSets.size < 1000) filterSets.set(zone, cached);
  }
  return cached;
}

function buildFilters(zone: string): FilterSet {
  checkZone(zone);
  const set: Record<FilterName, Filter> = {
    datum: (v) => datum(v, zone),
    datumkort: (v) => datumkort(v, zone),
    tijd: (v) => tijd(v, zone),
    datumtijd: (v) => datumtijd(v, zone),
    janee,
    lijst,
    aantal,
    bereik,
    uren,
    bedrag,
    hoofdletter,
    date: (v) => date(v, zone),
    datecourte: (v) => datecourte(v, zone),
    heure: (v) => heure(v, zone),
    dateheure: (v) => dateheure(v, zone),
    ouinon,
    liste,
    nombre,
    fourchette,
    heures,
    montant,
    majuscule,
  };
  return Object.freeze(Object.assign(Object.create(null) as Record<string, Filter>, set));
}
