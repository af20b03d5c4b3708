/**
 * Source Sans 3 (SIL OFL 1.1, from @fontsource/source-sans-3), shipped with the tool so a PDF
 * looks the same on every machine, whatever fonts it has. latin + latin-ext cover Dutch, French
 * and German text (ë, é, ç, ß, €, ‘quotes’ and dashes); weights 400 and 700, upright and italic.
 *
 * The CSS names each face by a URL under FONT_ORIGIN, a host that can never resolve (`.invalid`,
 * RFC 2606). Nothing goes to the network: the renderer answers exactly these URLs itself, with the
 * package's bytes (bundledFont), and refuses every other request. Chromium keeps a face fetched so
 * in its memory cache, decoded, for the following documents; as base64 data: URIs (the earlier
 * way) every document decoded and sanitised its faces again: measured 26.5 against 20.3 ms per
 * letter, same PDF.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PKG = '@fontsource/source-sans-3';

export const FONT_FAMILY = 'Source Sans 3';
/** The font stack used by the base stylesheet and the footer. */
export const FONT_STACK = `'${FONT_FAMILY}', sans-serif`;

type Subset = 'latin' | 'latin-ext';
type Weight = 400 | 700;
type Style = 'normal' | 'italic';

const SUBSETS: readonly Subset[] = ['latin', 'latin-ext'];
const WEIGHTS: readonly Weight[] = [400, 700];
const STYLES: readonly Style[] = ['normal', 'italic'];

let unicodeRanges: Record<string, string> | undefined;
function unicodeRange(subset: Subset): string {
  unicodeRanges ??= JSON.parse(readFileSync(require.resolve(`${PKG}/unicode.json`), 'utf8')) as Record<string, string>;
  const r = unicodeRanges[subset];
  if (!r) throw new Error(`${PKG}/unicode.json has no range for ${subset}`);
  return r;
}

/** Where the PDF's HTML finds the bundled faces; see the top of this file. */
export const FONT_ORIGIN = 'https://fonts.datalek.invalid';

function fontUrl(subset: Subset, weight: Weight, style: Style): string {
  return `${FONT_ORIGIN}/source-sans-3-${subset}-${weight}-${style}.woff2`;
}

const FACE_FILE = /^source-sans-3-([a-z-]+)-(\d+)-([a-z]+)\.woff2$/;
const fontBytes = new Map<string, Buffer>();

/**
 * The bytes of the bundled face at `url` (one that fontFaceCss names), or undefined for any other
 * URL: only the URLs fontUrl makes for SUBSETS x WEIGHTS x STYLES are ever answered. Read from
 * the package once per process.
 */
export function bundledFont(url: string): Buffer | undefined {
  if (!url.startsWith(`${FONT_ORIGIN}/`)) return undefined;
  const m = FACE_FILE.exec(url.slice(FONT_ORIGIN.length + 1));
  if (!m || !SUBSETS.includes(m[1] as Subset) || !WEIGHTS.some((w) => String(w) === m[2]) || !STYLES.includes(m[3] as Style)) return undefined;
  const key = `${m[1]}-${m[2]}-${m[3]}`;
  let bytes = fontBytes.get(key);
  if (bytes === undefined) {
    bytes = readFileSync(require.resolve(`${PKG}/files/source-sans-3-${key}.woff2`));
    fontBytes.set(key, bytes);
  }
  return bytes;
}

function fontFace(subset: Subset, weight: Weight, style: Style): string {
  return (
    `@font-face{font-family:'${FONT_FAMILY}';font-style:${style};font-weight:${weight};font-display:block;` +
    `src:url(${fontUrl(subset, weight, style)}) format('woff2');unicode-range:${unicodeRange(subset)};}\n`
  );
}

/** [from, to] code point intervals of a fontsource unicode-range string. */
function parseRanges(range: string): Array<[number, number]> {
  return range.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

let latinRanges: Array<[number, number]> | undefined;
let latinExtRanges: Array<[number, number]> | undefined;

/**
 * Whether `text` (plain text, HTML or CSS) may show a character that only the latin-ext faces
 * have. Conservative: any character reference other than the five HTML escapes and &nbsp;
 * counts as "maybe", and so does any upper-case form (text-transform) that needs latin-ext.
 */
export function needsLatinExt(text: string): boolean {
  if (/&(?!(?:amp|lt|gt|quot|apos|nbsp|#39|#x27|#34|#160);)[#A-Za-z]/.test(text)) return true;
  latinRanges ??= parseRanges(unicodeRange('latin'));
  latinExtRanges ??= parseRanges(unicodeRange('latin-ext'));
  const inAny = (cp: number, ranges: Array<[number, number]>) => ranges.some(([a, b]) => cp >= a && cp <= b);
  for (const t of [text, text.toUpperCase()]) {
    if (!/[^\u0000-\u00ff]/.test(t)) continue;
    for (const ch of t) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0xff && !inAny(cp, latinRanges) && inAny(cp, latinExtRanges)) return true;
    }
  }
  return false;
}

export interface FontCssOptions {
  /**
   * The text the fonts must cover (the body HTML and any template CSS). When given and nothing
   * in it needs latin-ext, those four faces are left out (fewer faces for Chromium to match per
   * document). Same text, same CSS.
   */
  text?: string;
  /**
   * The body HTML, when the base stylesheet is the only one: then only the weights and styles its
   * elements can show are embedded (see facesUsed): a PDF embeds no face it cannot show.
   */
  html?: string;
}

/** Elements the base stylesheet (or the browser's own) shows in bold, and in italic. */
const BOLD = new Set(['b', 'strong', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption']);
const ITALIC = new Set(['em', 'i', 'cite', 'var', 'dfn', 'address']);
/** Elements without an end tag: never on the stack of open elements. */
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'wbr', 'area', 'base', 'source', 'track', 'embed', 'param']);

export interface FacesUsed {
  bold: boolean;
  italic: boolean;
  boldItalic: boolean;
}

/**
 * Which faces HTML styled by the base stylesheet can show: bold when it has a bold element,
 * italic when it has an italic one, bold italic when one sits inside the other. One pass over the
 * tags (linear, for registers of megabytes); an element whose end tag is missing counts as open
 * until its parent ends, which can only add a face, never leave one out.
 */
export function facesUsed(html: string): FacesUsed {
  const used: FacesUsed = { bold: false, italic: false, boldItalic: false };
  const open: string[] = [];
  let bold = 0;
  let italic = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      for (const gone of open.splice(at)) {
        if (BOLD.has(gone)) bold--;
        if (ITALIC.has(gone)) italic--;
      }
      continue;
    }
    const isBold = BOLD.has(name);
    const isItalic = ITALIC.has(name);
    if (isBold) used.bold = true;
    if (isItalic) used.italic = true;
    if ((isBold && italic > 0) || (isItalic && bold > 0) || (isBold && isItalic)) used.boldItalic = true;
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    open.push(name);
    if (isBold) bold++;
    if (isItalic) italic++;
  }
  return used;
}

const cached = new Map<string, string>();
function faces(subsets: readonly Subset[], weights: readonly Weight[], styles: readonly Style[]): string {
  const key = `${subsets.join()}|${weights.join()}|${styles.join()}`;
  let css = cached.get(key);
  if (css === undefined) {
    css = '';
    for (const subset of subsets) for (const weight of weights) for (const style of styles) css += fontFace(subset, weight, style);
    cached.set(key, css);
  }
  return css;
}

/**
 * @font-face rules for Source Sans 3: latin + latin-ext, 400/700, normal/italic, built once and
 * cached. With `text`, latin-ext is included only when the text needs it.
 */
export function fontFaceCss(opts: FontCssOptions = {}): string {
  const subsets = opts.text !== undefined && !needsLatinExt(opts.text) ? (['latin'] as const) : SUBSETS;
  if (opts.html === undefined) return faces(subsets, WEIGHTS, STYLES);
  const used = facesUsed(opts.html);
  let css = '';
  for (const subset of subsets) {
    css += faces([subset], [400], ['normal']);
    if (used.italic) css += faces([subset], [400], ['italic']);
    if (used.bold) css += faces([subset], [700], ['normal']);
    if (used.boldItalic) css += faces([subset], [700], ['italic']);
  }
  return css;
}

/**
 * What the footer (plain text, in the page's margin boxes) needs beyond the latin faces every
 * document has: the regular latin-ext face when `text` needs it, else nothing.
 */
export function footerFontFaceCss(text: string): string {
  return needsLatinExt(text) ? faces(['latin-ext'], [400], ['normal']) : '';
}
