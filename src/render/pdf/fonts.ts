/**
 * Source Sans 3 (SIL OFL 1.1, from @fontsource/source-sans-3), embedded as base64 data: URIs so a
 * PDF looks the same on every machine, whatever fonts it has. latin + latin-ext cover Dutch,
 * French and German text (ë, é, ç, ß, €, ‘quotes’ and dashes); weights 400 and 700, upright and
 * italic. The CSS is built once per process and cached.
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

const dataUriCache = new Map<string, string>();
function woff2DataUri(subset: Subset, weight: Weight, style: Style): string {
  const key = `${subset}-${weight}-${style}`;
  let uri = dataUriCache.get(key);
  if (uri === undefined) {
    const file = require.resolve(`${PKG}/files/source-sans-3-${key}.woff2`);
    uri = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    dataUriCache.set(key, uri);
  }
  return uri;
}

function fontFace(subset: Subset, weight: Weight, style: Style): string {
  return (
    `@font-face{font-family:'${FONT_FAMILY}';font-style:${style};font-weight:${weight};font-display:block;` +
    `src:url(${woff2DataUri(subset, weight, style)}) format('woff2');unicode-range:${unicodeRange(subset)};}\n`
  );
}

let cachedAll: string | undefined;
/** @font-face rules for Source Sans 3: latin + latin-ext, 400/700, normal/italic (about 200 kB). */
export function fontFaceCss(): string {
  if (cachedAll === undefined) {
    let css = '';
    for (const subset of SUBSETS) for (const weight of WEIGHTS) for (const style of STYLES) css += fontFace(subset, weight, style);
    cachedAll = css;
  }
  return cachedAll;
}

let cachedFooter: string | undefined;
/** The regular upright faces only (latin + latin-ext), for Chromium's footer template. */
export function footerFontFaceCss(): string {
  cachedFooter ??= SUBSETS.map((s) => fontFace(s, 400, 'normal')).join('');
  return cachedFooter;
}
