/**
 * Make Chromium's PDF output reproducible, in place and without moving a byte (so the xref
 * table's offsets stay right):
 *
 * - /CreationDate and /ModDate (Chromium writes the wall clock and ignores SOURCE_DATE_EPOCH)
 *   become the given instant. The replacement is padded with spaces *after* the closing
 *   parenthesis, which is plain PDF whitespace, so the value itself stays a valid date.
 *   Uncompressed XMP dates (Chromium writes no XMP today) are replaced too, at the same length.
 * - Tagged PDFs carry structure-element ids `(node00000091)` taken from Blink's DOM node ids,
 *   a per-renderer-process counter that grows each time a page is reused (and, on a reused page,
 *   does not even keep the same relative order). Every id defined by an `/ID` entry is renumbered
 *   1, 2, 3, ... in the order the definitions appear in the file (which follows the structure
 *   tree), with the same number of digits; all references (/Headers, the IDTree's /Names and
 *   /Limits) follow, and the IDTree leaf is sorted again by the new ids.
 *
 * Only bytes outside stream data are touched.
 */

import { PdfError } from './errors.js';
import { compareText } from '../../compare-text.js';

const PDF_EPOCH_DEFAULT = new Date('2000-01-01T00:00:00Z');

/** The instant written into PDFs: SOURCE_DATE_EPOCH when set, else `fallback` (default 2000-01-01T00:00:00Z). */
export function pdfInstant(env: NodeJS.ProcessEnv = process.env, fallback: Date = PDF_EPOCH_DEFAULT): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw) {
    if (!/^\d+$/.test(raw)) throw new SourceDateEpochError(raw);
    const d = new Date(Number(raw) * 1000);
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) throw new SourceDateEpochError(raw);
    return d;
  }
  if (Number.isNaN(fallback.getTime())) throw new RangeError('pdfInstant: the fallback date is invalid');
  return fallback;
}

class SourceDateEpochError extends PdfError {
  constructor(raw: string) {
    super('DL-SOURCE-DATE-EPOCH', `SOURCE_DATE_EPOCH is "${raw}", which is not a number of seconds since 1970-01-01 UTC.`, {
      hint: 'Set it to a whole number, e.g. `SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`, or unset it.',
    });
  }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `D:YYYYMMDDHHmmSS` in UTC. */
function pdfDateCore(d: Date): string {
  return `D:${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** [start, end) byte ranges of stream data, which must not be edited. */
export function streamRanges(s: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = /stream(\r\n|\n)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    // Only the keyword right after a dictionary's `>>` starts a stream (not `endstream`).
    let i = m.index - 1;
    while (i >= 0 && /\s/.test(s[i]!)) i--;
    if (i < 1 || s[i] !== '>' || s[i - 1] !== '>') continue;
    const dataStart = m.index + m[0].length;
    const objStart = s.lastIndexOf(' obj', m.index);
    const dict = s.slice(objStart < 0 ? 0 : objStart, m.index);
    let end = -1;
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (direct) {
      end = dataStart + Number(direct[1]);
    } else {
      const ind = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(dict);
      if (ind) {
        const lm = new RegExp(`(?:^|[\\r\\n\\s])${ind[1]}\\s+${ind[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(s);
        if (lm) end = dataStart + Number(lm[1]);
      }
    }
    if (end < dataStart || s.slice(end, end + 12).search(/^\s*endstream/) !== 0) {
      const e = s.indexOf('endstream', dataStart);
      end = e < 0 ? s.length : e;
    }
    ranges.push([dataStart, end]);
    re.lastIndex = end;
  }
  return ranges;
}

/** The [start, end) stretches of `s` outside stream data, given the streams' ranges. */
function outsideStreams(s: string, ranges: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = 0;
  for (const [a, b] of ranges) {
    out.push([pos, a]);
    pos = b;
  }
  out.push([pos, s.length]);
  return out;
}

export interface NormaliseResult {
  bytes: Uint8Array;
  datesReplaced: number;
  structIdsRenumbered: number;
}

/**
 * Normalise dates and structure ids (see the top of this file). Output length equals input length.
 * With `inPlace`, the input's own bytes are changed and it is returned: for the renderer, which
 * drops Chromium's bytes afterwards, so a large PDF (25 MB for a register of 2,500 incidents) is
 * not copied. Otherwise the input is left alone and a copy is returned.
 */
export function normalisePdf(input: Uint8Array, instant: Date, opts: { inPlace?: boolean } = {}): NormaliseResult {
  const s = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  const parts = outsideStreams(s, streamRanges(s));
  let datesReplaced = 0;

  const core = pdfDateCore(instant);
  const dateVariants = [`${core}+00'00'`, `${core}Z`, core];
  const iso = instant.toISOString().replace(/\.\d{3}Z$/, '');

  // Structure ids, renumbered 1, 2, 3, ... in the order their /ID entries appear. Object order
  // follows the structure tree, so this order is the same for the same HTML, whatever numbers
  // Blink handed out (on a reused page they are larger and not even in the same relative order).
  const rank = new Map<string, string>();
  const assign = (digits: string) => {
    if (!rank.has(digits)) rank.set(digits, String(rank.size + 1).padStart(digits.length, '0'));
  };
  for (const [a, b] of parts) for (const m of s.slice(a, b).matchAll(/\/ID\s*\(node(\d+)\)/g)) assign(m[1]!);
  // Ids only referenced (a /Headers entry without a matching /ID), should Skia ever write one.
  if (rank.size > 0) for (const [a, b] of parts) for (const m of s.slice(a, b).matchAll(/\(node(\d+)\)/g)) assign(m[1]!);

  const edit = (part: string): string => {
    let p = part.replace(/\/(CreationDate|ModDate)(\s*)\((D:[^)]*)\)/g, (whole, key: string) => {
      const fit = dateVariants.map((v) => `/${key} (${v})`).find((r) => r.length <= whole.length);
      if (!fit) return whole; // cannot happen with Chromium's 23-character dates
      datesReplaced++;
      return fit + ' '.repeat(whole.length - fit.length);
    });
    // XMP, should Chromium ever write it uncompressed: same-length ISO instants only.
    p = p.replace(
      /(<(xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?(<\/\2>)/g,
      (_whole, open: string, _tag: string, frac: string | undefined, zone: string | undefined, close: string) => {
        datesReplaced++;
        const f = frac ? '.' + '0'.repeat(frac.length - 1) : '';
        const z = zone === undefined ? '' : zone === 'Z' ? 'Z' : '+00:00';
        return `${open}${iso}${f}${z}${close}`;
      },
    );
    if (rank.size > 0) {
      p = p.replace(/\(node(\d+)\)/g, (whole, digits: string) => (rank.has(digits) ? `(node${rank.get(digits)})` : whole));
      p = p.replace(/\/Limits\s*\[\s*\(node\d+\)\s*\(node\d+\)\s*\]\s*\/Names\s*\[([^\]]*)\]/g, sortIdTreeLeaf);
    }
    return p;
  };

  // Every edit keeps its length, so each changed stretch is written over the same bytes.
  const bytes = opts.inPlace ? input : new Uint8Array(input);
  const target = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [a, b] of parts) {
    const part = s.slice(a, b);
    const edited = edit(part);
    if (edited === part) continue;
    if (edited.length !== part.length) throw new Error('normalisePdf: length changed (internal error)');
    target.write(edited, a, 'latin1');
  }
  return { bytes, datesReplaced, structIdsRenumbered: rank.size };
}

/**
 * The IDTree leaf Skia writes: `/Limits [(first) (last)] /Names [(id) n 0 R (id) n 0 R ...]`,
 * sorted by id. After renumbering, sort the entries again (keeping every separator where it
 * was, so the length stays) and set the limits to the new first and last id.
 */
function sortIdTreeLeaf(whole: string, names: string): string {
  const entry = /\((node\d+)\)\s+\d+\s+\d+\s+R/g;
  const entries: string[] = [];
  const keys: string[] = [];
  const gaps: string[] = [];
  let last = 0;
  for (const m of names.matchAll(entry)) {
    gaps.push(names.slice(last, m.index));
    entries.push(m[0]);
    keys.push(m[1]!);
    last = m.index + m[0].length;
  }
  const tail = names.slice(last);
  if (entries.length === 0 || [...gaps, tail].some((g) => /\S/.test(g))) return whole; // not the shape we know
  const order = entries.map((_, i) => i).sort((a, b) => compareText(keys[a]!, keys[b]!));
  const sorted = order.map((i) => entries[i]!);
  const newNames = sorted.map((e, i) => gaps[i] + e).join('') + tail;
  const lo = keys[order[0]!]!;
  const hi = keys[order[order.length - 1]!]!;
  const head = whole.slice(0, whole.indexOf('/Names'));
  const newHead = head.replace(/\(node\d+\)(\s*)\(node\d+\)/, `(${lo})$1(${hi})`);
  const result = `${newHead}${whole.slice(head.length, whole.indexOf('[', head.length) + 1)}${newNames}]`;
  return result.length === whole.length ? result : whole;
}
