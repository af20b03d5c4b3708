/**
 * The base stylesheet for letters, forms and tables printed by Chromium. Page size and margins
 * come from the renderer (A4; 25 mm top, 20 mm sides, 22 mm bottom, the footer sits in the
 * bottom margin), so there is no @page size here.
 *
 * Classes templates may use: .address (recipient block), .meta (a borderless label/value table,
 * e.g. "Ons kenmerk"), .signature, .small, .muted, .page-break (start a new page),
 * .no-break (keep together), .right.
 */
import { FONT_STACK, fontFaceCss } from './fonts.js';

export const BASE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-size: 10.5pt; }
body {
  margin: 0; color: #1a1a1a; background: #fff;
  font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.4;
  font-kerning: normal; font-variant-ligatures: common-ligatures;
  hyphens: manual; overflow-wrap: break-word; orphans: 3; widows: 3;
}
h1, h2, h3, h4 { font-weight: 700; line-height: 1.2; color: #111; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 16pt; margin: 0 0 10pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
h4 { font-size: 10.5pt; margin: 10pt 0 2pt; }
p { margin: 0 0 7pt; }
ul, ol { margin: 0 0 7pt; padding-left: 16pt; }
li { margin: 0 0 2pt; }
li > ul, li > ol { margin-bottom: 0; }
strong, b, th { font-weight: 700; }
em, i { font-style: italic; }
a { color: #0b4f8a; text-decoration: underline; }
hr { border: 0; border-top: 0.75pt solid #999; margin: 10pt 0; }
blockquote { margin: 0 0 7pt; padding: 2pt 0 2pt 10pt; border-left: 2pt solid #bbb; color: #333; }
code, pre { font-family: ${FONT_STACK}; font-size: 9.5pt; background: #f3f3f3; }
pre { padding: 6pt; white-space: pre-wrap; break-inside: avoid; }
img { max-width: 100%; }

table { width: 100%; border-collapse: collapse; margin: 0 0 9pt; font-size: 9.5pt; line-height: 1.3; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* Wide registers (landscape): smaller type, and long rows may continue on the next page instead of leaving a page blank. */
.landscape table { font-size: 8.5pt; }
.landscape tr { break-inside: auto; page-break-inside: auto; }
/* The first column of a register holds the incident number: keep it on one line. */
.landscape td:first-child, .landscape th:first-child { white-space: nowrap; }
th, td { border: 0.75pt solid #8c8c8c; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #e8edf2; color: #111; }
tbody tr:nth-child(even) td { background: #f7f9fa; }
caption { caption-side: top; text-align: left; font-weight: 700; margin-bottom: 3pt; }

table.meta { width: auto; font-size: 10.5pt; margin: 0 0 12pt; }
table.meta tr th, table.meta tr td { border: 0; padding: 0 12pt 1pt 0; background: none; }
table.meta tr th { font-weight: 400; color: #555; }
.address { margin: 0 0 18pt; white-space: pre-line; }
.signature { margin-top: 24pt; break-inside: avoid; }
.small { font-size: 9pt; }
.muted { color: #555; }
.right { text-align: right; }
.no-break { break-inside: avoid; page-break-inside: avoid; }
.page-break { break-before: page; page-break-before: always; }
`;

/**
 * Fonts + base stylesheet + optional template CSS, ready for htmlDocument({ css }). Pass the
 * body HTML as `bodyHtml` to leave out the latin-ext faces when the document does not need them
 * (faster; see fontFaceCss).
 */
export function pdfCss(extra = '', opts: { bodyHtml?: string } = {}): string {
  // Template CSS may make anything bold or italic: then every weight and style is embedded.
  const fonts = opts.bodyHtml === undefined ? fontFaceCss() : fontFaceCss({ text: opts.bodyHtml + extra, ...(extra === '' ? { html: opts.bodyHtml } : {}) });
  return `${fonts}${BASE_CSS}${extra}`;
}
