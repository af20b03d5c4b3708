/** The parts of the PDF back end that need no browser. */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_CSS, pdfCss } from '../../../src/render/pdf/base-css.js';
import { chromiumArgs, findChromium, unwrapLauncherScript } from '../../../src/render/pdf/chromium.js';
import { isPdfError, PdfError } from '../../../src/render/pdf/errors.js';
import { bundledFont, facesUsed, FONT_ORIGIN, fontFaceCss, footerFontFaceCss, needsLatinExt } from '../../../src/render/pdf/fonts.js';
import { CONTENT_SECURITY_POLICY, htmlDocument } from '../../../src/render/pdf/html-page.js';
import { normalisePdf, pdfInstant, streamRanges } from '../../../src/render/pdf/normalise.js';
import { cssString, pageCss, withPageCss } from '../../../src/render/pdf/renderer.js';
import { FIXTURES, pdfinfo, popplerComplaints, sameBytes } from './helpers.js';

const rawA = new Uint8Array(readFileSync(path.join(FIXTURES, 'chromium-raw-a.pdf')));
const rawB = new Uint8Array(readFileSync(path.join(FIXTURES, 'chromium-raw-b.pdf')));

describe('htmlDocument', () => {
  const doc = htmlDocument({ title: 'Brief <b>"A&B"</b>', lang: 'nl-BE', css: 'body{color:red}', bodyHtml: '<p>Hallo</p>' });

  it('is a complete HTML5 document with charset, CSP, escaped title, css and body', () => {
    expect(doc.startsWith('<!doctype html>\n<html lang="nl-BE">')).toBe(true);
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data: https://fonts.datalek.invalid">`.replace(/'/g, '&#39;'),
    );
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data: https://fonts.datalek.invalid");
    expect(doc).toContain('<title>Brief &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</title>');
    expect(doc).toContain('<style>\nbody{color:red}\n</style>');
    expect(doc).toMatch(/<body>\n<p>Hallo<\/p>\n<\/body>\n<\/html>\n$/);
    // The CSP comes before anything that could load.
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<style>'));
  });

  it('refuses a bad language tag and CSS that would close the style element', () => {
    expect(() => htmlDocument({ title: 't', lang: 'nl"><script>', css: '', bodyHtml: '' })).toThrow(RangeError);
    expect(() => htmlDocument({ title: 't', lang: 'nl', css: 'a{}</style><script>', bodyHtml: '' })).toThrow(/<\/style/);
  });
});

describe('fonts and base stylesheet', () => {
  it('names Source Sans 3 latin + latin-ext, 400/700, normal/italic, by URLs under the font origin only', () => {
    const css = fontFaceCss();
    expect(css.match(/@font-face/g)).toHaveLength(8);
    for (const w of ['400', '700']) for (const s of ['normal', 'italic']) {
      expect(css.match(new RegExp(`font-style:${s};font-weight:${w};`, 'g'))).toHaveLength(2);
    }
    const urls = [...css.matchAll(/src:url\(([^)]*)\) format\('woff2'\)/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(8);
    expect(new Set(urls).size).toBe(8);
    for (const url of urls) {
      expect(url.startsWith(`${FONT_ORIGIN}/`), url).toBe(true);
      // every URL the CSS names is one the renderer answers, with a real WOFF2 file
      expect(bundledFont(url)?.subarray(0, 4).toString('latin1'), url).toBe('wOF2');
    }
    expect(css).toContain('unicode-range:U+0000-00FF'); // latin
    expect(css).toContain('unicode-range:U+0100-02BA'); // latin-ext
    expect(css).not.toMatch(/url\((?!https:\/\/fonts\.datalek\.invalid\/)/);
    expect(fontFaceCss()).toBe(css); // cached: the same string object
  });

  it('answers only the exact URLs of the bundled faces', () => {
    expect(bundledFont(`${FONT_ORIGIN}/source-sans-3-latin-ext-700-italic.woff2`)?.length).toBeGreaterThan(1000);
    for (const url of [
      `${FONT_ORIGIN}/source-sans-3-latin-300-normal.woff2`, // a face we do not ship
      `${FONT_ORIGIN}/source-sans-3-cyrillic-400-normal.woff2`,
      `${FONT_ORIGIN}/source-sans-3-latin-400-normal.woff`,
      `${FONT_ORIGIN}/source-sans-3-latin-0400-normal.woff2`,
      `${FONT_ORIGIN}/source-sans-3-latin--400-normal.woff2`,
      `${FONT_ORIGIN}/source-sans-3-latin-400-normal.woff2?x=1`,
      `${FONT_ORIGIN}/../package.json`,
      `${FONT_ORIGIN}/%2e%2e/source-sans-3-latin-400-normal.woff2`,
      `http://fonts.datalek.invalid/source-sans-3-latin-400-normal.woff2`,
      `https://fonts.datalek.invalid.example.com/source-sans-3-latin-400-normal.woff2`,
      `https://example.com/${FONT_ORIGIN}/source-sans-3-latin-400-normal.woff2`,
    ]) {
      expect(bundledFont(url), url).toBeUndefined();
    }
  });

  it('leaves out latin-ext only when the text cannot need it', () => {
    const count = (css: string) => css.match(/@font-face/g)?.length;
    expect(count(fontFaceCss({ text: '<p>Geachte heer Jansen, coördinatie, reële kosten: € 1.250 – “ok”</p>' }))).toBe(4);
    for (const t of ['Łukasz Dvořák', 'Ş', '&#321;', '&Lstrok;', 'ÿ' /* upper case Ÿ is U+0178 */]) {
      expect(needsLatinExt(t), t).toBe(true);
      expect(count(fontFaceCss({ text: t })), t).toBe(8);
    }
    expect(needsLatinExt('a &amp; b &lt; c &nbsp; &#39;')).toBe(false);
    expect(footerFontFaceCss('Van den Berg & Partners — Brief')).toBe('');
    expect(count(footerFontFaceCss('Kancelaria Łódź'))).toBe(1);
    expect(footerFontFaceCss('Kancelaria Łódź')).toContain('unicode-range:U+0100-02BA');
    expect(pdfCss('', { bodyHtml: '<p>Hallo</p>' })).toBe(fontFaceCss({ text: '', html: '<p>Hallo</p>' }) + BASE_CSS);
    expect(count(pdfCss('', { bodyHtml: '<p>Hallo</p>' }))).toBe(1);
    // template CSS can make anything bold or italic: all faces then
    expect(count(pdfCss('p{font-style:italic}', { bodyHtml: '<p>Hallo</p>' }))).toBe(4);
  });

  it('has the letter basics: 10.5pt Source Sans 3, line-height 1.4, repeating table headers', () => {
    expect(BASE_CSS).toMatch(/body \{[^}]*font-family: 'Source Sans 3', sans-serif;[^}]*font-size: 10\.5pt; line-height: 1\.4;/);
    expect(BASE_CSS).toContain('thead { display: table-header-group; }');
    expect(BASE_CSS).toMatch(/tr \{ break-inside: avoid;/);
    expect(BASE_CSS).toContain('print-color-adjust: exact');
    expect(pdfCss('x{}')).toBe(fontFaceCss() + BASE_CSS + 'x{}');
  });
});

describe('facesUsed', () => {
  const cases: Array<[string, string, { bold: boolean; italic: boolean; boldItalic: boolean }]> = [
    ['plain text', '<p>Geachte heer Jansen,</p>', { bold: false, italic: false, boldItalic: false }],
    ['a heading', '<h2>Wat is er gebeurd?</h2><p>x</p>', { bold: true, italic: false, boldItalic: false }],
    ['a table header', '<table><thead><tr><th>Nr.</th></tr></thead></table>', { bold: true, italic: false, boldItalic: false }],
    ['emphasis', '<p><em>Antwoord:</em> ja</p>', { bold: false, italic: true, boldItalic: false }],
    ['bold and italic apart', '<p><strong>a</strong> <em>b</em></p>', { bold: true, italic: true, boldItalic: false }],
    ['italic inside bold', '<p><strong>a <em>b</em></strong></p>', { bold: true, italic: true, boldItalic: true }],
    ['bold inside italic', '<p><i>a <b>b</b></i></p>', { bold: true, italic: true, boldItalic: true }],
    ['italic in a heading', '<h3>Titel <em>x</em></h3>', { bold: true, italic: true, boldItalic: true }],
    ['an end tag closes what it opened', '<p><strong>a</strong><em>b</em></p>', { bold: true, italic: true, boldItalic: false }],
    ['an unclosed bold element stays open (adds a face, never leaves one out)', '<p><b>a<em>b</em></p>', { bold: true, italic: true, boldItalic: true }],
    ['the browser\'s own italics', '<address>Straat 1</address><cite>x</cite>', { bold: false, italic: true, boldItalic: false }],
    ['void elements and attributes', '<p class="x">a<br>b<img src="data:,">c</p><hr/>', { bold: false, italic: false, boldItalic: false }],
    ['escaped markup is text', '<p>&lt;strong&gt;x&lt;/strong&gt;</p>', { bold: false, italic: false, boldItalic: false }],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(facesUsed(html)).toEqual(expected);
  });

  it('chooses the embedded faces from them', () => {
    const weights = (css: string) => [...css.matchAll(/font-style:(\w+);font-weight:(\d+)/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(weights(fontFaceCss({ text: '', html: '<p>x</p>' }))).toEqual(['400 normal']);
    expect(weights(fontFaceCss({ text: '', html: '<h1>x</h1><p><em>y</em></p>' }))).toEqual(['400 normal', '400 italic', '700 normal']);
    expect(weights(fontFaceCss({ text: 'Łódź', html: '<p><strong><em>Łódź</em></strong></p>' }))).toEqual([
      '400 normal', '400 italic', '700 normal', '700 italic',
      '400 normal', '400 italic', '700 normal', '700 italic',
    ]);
  });
});

describe('pageCss', () => {
  it('puts A4, the margins and the footer in the margin boxes, with the words of the language', () => {
    const css = pageCss('nl', { left: 'Van den Berg & Partners' });
    expect(css).toMatch(/^@page\{size:A4;margin:25mm 20mm 22mm 20mm;/);
    expect(css).toContain('@bottom-left{content:"Van den Berg & Partners";');
    expect(css).toContain('@bottom-right{content:"pagina " counter(page) " van " counter(pages);');
    expect(css).toContain('font-size:8pt');
    expect(pageCss('fr-BE')).toContain('content:"page " counter(page) " sur " counter(pages)');
    expect(pageCss('xx')).toContain('content:"pagina " counter(page)');
    expect(pageCss('nl', { landscape: true })).toMatch(/^@page\{size:A4 landscape;/);
    expect(pageCss('nl', { left: 'Kancelaria Łódź' })).toMatch(/^@font-face\{/);
  });

  it('escapes the footer text so that it stays one CSS string and cannot end the style element', () => {
    const hostile = 'a"b\\c\n</style><script>x()</script>';
    const css = pageCss('nl', { left: hostile });
    expect(css).not.toMatch(/<\/style/i);
    expect(css).not.toContain('<script');
    expect(cssString(hostile)).toBe('"a\\22 b\\5c c\\a \\3c /style>\\3c script>x()\\3c /script>"');
    // The string ends where it should: one opening and one closing quote.
    expect(cssString(hostile).match(/(?<!\\)"/g)).toHaveLength(2);
  });

  it('adds, at the end of the body, a hidden copy of the footer text (escaped) that makes the document load its face', () => {
    const html = htmlDocument({ title: 'T', lang: 'nl', css: '', bodyHtml: '<h1>x</h1>' });
    const out = withPageCss(html, pageCss('fr-BE'), { lang: 'fr-BE', left: 'A & <b>' });
    expect(out).toContain('<div class="dl-footer-fonts" aria-hidden="true">A &amp; &lt;b&gt; page 0123456789 sur</div>\n</body>');
    expect(pageCss('nl')).toMatch(/\.dl-footer-fonts\{position:absolute;left:-10000px;[^}]*font-weight:400;font-style:normal;\}$/);
  });

  it('goes last in the head, so that it wins over a template stylesheet', () => {
    const html = htmlDocument({ title: 'T', lang: 'nl', css: '@page{size:A5}', bodyHtml: '<p>x</p>' });
    const out = withPageCss(html, '@page{size:A4}');
    expect(out.indexOf('@page{size:A4}')).toBeGreaterThan(out.indexOf('@page{size:A5}'));
    expect(out.indexOf('@page{size:A4}')).toBeLessThan(out.indexOf('</head>'));
  });
});

describe('findChromium', () => {
  it('honours PUPPETEER_EXECUTABLE_PATH, and fails with DL-CHROMIUM-MISSING when it names nothing', () => {
    const self = process.execPath; // any existing file will do for the lookup itself
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: self })).toEqual({ executablePath: self, headless: true, source: 'PUPPETEER_EXECUTABLE_PATH' });
    let err: unknown;
    try {
      findChromium({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    } catch (e) {
      err = e;
    }
    expect(isPdfError(err, 'DL-CHROMIUM-MISSING')).toBe(true);
    expect((err as PdfError).message).toContain('/nonexistent/chrome');
  });

  it('prefers the headless shell, falls back to chromium, and says what to install when neither exists', () => {
    const shell = { executablePath: process.execPath, headless: 'shell' as const };
    expect(findChromium({}, [{ executablePath: '/nope/chromium-headless-shell', headless: 'shell' }, shell]).headless).toBe('shell');
    let err: unknown;
    try {
      findChromium({}, [{ executablePath: '/nope/a', headless: 'shell' }, { executablePath: '/nope/b', headless: true }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PdfError);
    expect((err as PdfError).code).toBe('DL-CHROMIUM-MISSING');
    expect((err as PdfError).message).toContain('apt-get install chromium-headless-shell');
    expect((err as PdfError).message).toContain('PUPPETEER_EXECUTABLE_PATH');
    if (existsSync('/usr/bin/chromium-headless-shell')) {
      expect(findChromium({})).toMatchObject({ executablePath: '/usr/bin/chromium-headless-shell', headless: 'shell' });
    }
  });

  it('looks through a one-line launcher script (Debian runs the real binary as a child, so killing the script would not kill Chromium)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datalek-launcher-'));
    try {
      const script = (name: string, body: string) => {
        const f = path.join(dir, name);
        writeFileSync(f, body);
        chmodSync(f, 0o755);
        return f;
      };
      const target = process.execPath;
      expect(unwrapLauncherScript(script('plain', `#!/bin/sh -e\n${target} "$@"\n`))).toBe(target);
      expect(unwrapLauncherScript(script('exec', `#!/bin/sh\n# comment\nexec ${target} "$@"\n`))).toBe(target);
      const busy = script('busy', `#!/bin/sh\nexport X=1\nexec ${target} "$@"\n`);
      expect(unwrapLauncherScript(busy)).toBe(busy);
      const missing = script('missing', '#!/bin/sh\n/nonexistent/chrome "$@"\n');
      expect(unwrapLauncherScript(missing)).toBe(missing);
      expect(unwrapLauncherScript(target)).toBe(target);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (existsSync('/usr/lib/chromium/chromium-headless-shell') && existsSync('/usr/bin/chromium-headless-shell')) {
      expect(unwrapLauncherScript('/usr/bin/chromium-headless-shell')).toBe('/usr/lib/chromium/chromium-headless-shell');
    }
  });

  it('launches with a closed network and a private profile', () => {
    const args = chromiumArgs('/tmp/profile-x');
    for (const a of ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
      '--disable-extensions', '--disable-default-apps', '--mute-audio', '--font-render-hinting=none', '--user-data-dir=/tmp/profile-x',
      '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-bypass-list=<-loopback>']) {
      expect(args).toContain(a);
    }
    expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
  });
});

describe('pdfInstant', () => {
  it('takes SOURCE_DATE_EPOCH, else the fallback, else 2000-01-01', () => {
    expect(pdfInstant({ SOURCE_DATE_EPOCH: '1767225600' }, new Date(0)).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(pdfInstant({}, new Date('2026-03-03T10:00:00Z')).toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(pdfInstant({}).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(() => pdfInstant({ SOURCE_DATE_EPOCH: 'gisteren' })).toThrow(expect.objectContaining({ code: 'DL-SOURCE-DATE-EPOCH' }));
  });
});

describe('normalisePdf (on two raw Chromium PDFs of the same HTML, printed 1 s apart on a reused page)', () => {
  it('the raw files differ in dates and structure ids', () => {
    expect(rawA.length).toBe(rawB.length);
    expect(sameBytes(rawA, rawB)).toBe(false);
    const ids = (b: Uint8Array) => [...new Set(Buffer.from(b).toString('latin1').match(/\(node\d+\)/g))];
    expect(ids(rawA)).not.toEqual(ids(rawB));
  });

  it('makes them byte-identical, same length, with the given date and ids renumbered from 1', () => {
    const instant = new Date('2026-01-01T00:00:00Z');
    const a = normalisePdf(rawA, instant);
    const b = normalisePdf(rawB, instant);
    expect(a.bytes.length).toBe(rawA.length);
    expect(sameBytes(a.bytes, b.bytes)).toBe(true);
    expect(a.datesReplaced).toBe(2);
    expect(a.structIdsRenumbered).toBe(2);
    const text = Buffer.from(a.bytes).toString('latin1');
    expect([...new Set(text.match(/\(node\d+\)/g))].sort()).toEqual(['(node00000001)', '(node00000002)']);
    expect(text).toContain("/CreationDate (D:20260101000000+00'00')");
    expect(text).toContain("/ModDate (D:20260101000000+00'00')");
  });

  it('leaves a valid PDF: xref offsets still right, dates read back by pdfinfo', () => {
    const out = normalisePdf(rawB, new Date('2026-01-01T00:00:00Z')).bytes;
    expect(popplerComplaints(out)).toBe('');
    const info = pdfinfo(out, true);
    expect(info.CreationDate).toBe('2026-01-01T00:00:00Z');
    expect(info.ModDate).toBe('2026-01-01T00:00:00Z');
    expect(info.Tagged).toBe('yes');
    // Every xref entry still points at "N 0 obj".
    const s = Buffer.from(out).toString('latin1');
    const xref = s.slice(s.lastIndexOf('\nxref\n'));
    const entries = [...xref.matchAll(/^(\d{10}) 00000 n\s*$/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBeGreaterThan(10);
    for (const off of entries) expect(s.slice(off, off + 20)).toMatch(/^\d+ 0 obj/);
  });

  it('never edits stream data', () => {
    const s = Buffer.from(rawA).toString('latin1');
    const ranges = streamRanges(s);
    expect(ranges.length).toBeGreaterThan(3);
    for (const [, end] of ranges) expect(s.slice(end, end + 12)).toMatch(/^\s*endstream/);
    const out = Buffer.from(normalisePdf(rawA, new Date(0)).bytes).toString('latin1');
    for (const [a, b] of ranges) expect(out.slice(a, b) === s.slice(a, b)).toBe(true);
  });

  it('leaves its input alone, or with inPlace changes and returns the input itself, with the same bytes', () => {
    const instant = new Date('2026-03-04T05:06:07Z');
    const before = new Uint8Array(rawB);
    const copied = normalisePdf(rawB, instant);
    expect(sameBytes(rawB, before)).toBe(true);
    expect(copied.bytes).not.toBe(rawB);
    const mine = new Uint8Array(rawB);
    const inPlace = normalisePdf(mine, instant, { inPlace: true });
    expect(inPlace.bytes).toBe(mine);
    expect(sameBytes(inPlace.bytes, copied.bytes)).toBe(true);
    expect(sameBytes(mine, before)).toBe(false);
    expect([inPlace.datesReplaced, inPlace.structIdsRenumbered]).toEqual([copied.datesReplaced, copied.structIdsRenumbered]);
  });

  it('renumbers ids in the order they are defined and sorts the IDTree leaf again', () => {
    const raw =
      '1 0 obj\n<</Limits [(node00000050) (node00000051)]\n/Names [(node00000050) 7 0 R (node00000051) 12 0 R]>>\nendobj\n' +
      '12 0 obj\n<</ID (node00000051)>>\nendobj\n7 0 obj\n<</A [<</Headers [(node00000051)]>>]\n/ID (node00000050)>>\nendobj\n';
    const out = Buffer.from(normalisePdf(new Uint8Array(Buffer.from(raw, 'latin1')), new Date(0)).bytes).toString('latin1');
    expect(out).toBe(
      '1 0 obj\n<</Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 12 0 R (node00000002) 7 0 R]>>\nendobj\n' +
        '12 0 obj\n<</ID (node00000001)>>\nendobj\n7 0 obj\n<</A [<</Headers [(node00000001)]>>]\n/ID (node00000002)>>\nendobj\n',
    );
  });

  it('pads a shorter replacement with whitespace after the string', () => {
    const fake = Buffer.from("1 0 obj\n<</CreationDate (D:20261122124237+00'00'Z)>>\nendobj\n", 'latin1');
    const out = Buffer.from(normalisePdf(new Uint8Array(fake), new Date(0)).bytes).toString('latin1');
    expect(out).toBe("1 0 obj\n<</CreationDate (D:19700101000000+00'00') >>\nendobj\n");
  });
});
