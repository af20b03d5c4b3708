/**
 * Nothing the HTML asks for may leave the machine: request interception aborts (and counts)
 * every request but data: URLs and the bundled fonts (answered from memory), and the browser resolves no host and sends all traffic to a dead
 * proxy. A local HTTP server stands in for the outside world and must see no connection at all.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfCss } from '../../../src/render/pdf/base-css.js';
import { FONT_ORIGIN } from '../../../src/render/pdf/fonts.js';
import { htmlDocument } from '../../../src/render/pdf/html-page.js';
import { PdfRenderer } from '../../../src/render/pdf/renderer.js';
import { chromiumForTests, pdftotext } from './helpers.js';

const { binary, reason } = chromiumForTests();

/** Ways an HTML document can try to reach out; each `expected` is how many requests interception should see. */
function vectors(origin: string): Array<{ name: string; html: string; intercepted: number }> {
  return [
    { name: 'img', html: `<img src="${origin}/img.png" alt="">`, intercepted: 1 },
    { name: 'css url()', html: `<div style="width:10px;height:10px;background:url(${origin}/bg.png)"></div>`, intercepted: 1 },
    { name: 'stylesheet link', html: `<link rel="stylesheet" href="${origin}/style.css">`, intercepted: 1 },
    { name: 'iframe', html: `<iframe src="${origin}/frame.html"></iframe>`, intercepted: 1 },
    { name: '@import, background, @font-face', html: `<style>@import url(${origin}/imp.css); body{background-image:url(${origin}/b.png)} @font-face{font-family:X;src:url(${origin}/f.woff2)} p{font-family:X}</style>`, intercepted: 3 },
    { name: 'object, embed, video, audio', html: `<object data="${origin}/obj"></object><embed src="${origin}/embed"><video poster="${origin}/poster.png"></video><audio src="${origin}/a.mp3"></audio>`, intercepted: 4 },
    { name: 'svg image, srcset, picture', html: `<svg width="10" height="10"><image href="${origin}/svg.png" width="10" height="10"/></svg><img srcset="${origin}/srcset.png 1x" alt=""><picture><source srcset="${origin}/pic.png"><img alt=""></picture>`, intercepted: 3 },
    { name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=${origin}/refresh">`, intercepted: 1 },
    { name: 'preload', html: `<link rel="preload" as="image" href="${origin}/preload.png">`, intercepted: 1 },
    // Made by the browser outside the page's interception: only the resolver rules and the dead proxy stop these.
    { name: 'prefetch, preconnect, dns-prefetch', html: `<link rel="prefetch" href="${origin}/prefetch"><link rel="preconnect" href="${origin}"><link rel="dns-prefetch" href="${origin}">`, intercepted: 0 },
    // JavaScript is off: the script is never even requested.
    { name: 'script', html: `<script src="${origin}/s.js"></script><script>document.write('<img src="${origin}/js.png">')</script>`, intercepted: 0 },
    // Chromium itself refuses file: from our about:blank document; no request is made.
    { name: 'file:///etc/passwd', html: `<img src="file:///etc/passwd" alt=""><iframe src="file:///etc/passwd"></iframe>`, intercepted: 0 },
  ];
}

const page = (name: string, inner: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${name}</title></head><body><p>Begin ${name}</p>${inner}<p>Einde</p></body></html>`;

describe.skipIf(!binary)(`PDF rendering makes no network request${reason ? ` (${reason})` : ''}`, () => {
  const seen: string[] = [];
  let connections = 0;
  let server: http.Server;
  let origin = '';
  let r: PdfRenderer;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('leaked');
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    r = await PdfRenderer.launch({ binary });
  });
  afterAll(async () => {
    await r?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('aborts and counts every request, and the server sees no connection', async () => {
    const all = vectors(origin);
    const before = r.stats().blockedRequests;
    const html = page('alles', all.map((v) => v.html).join('\n'));
    const pdf = await r.render(html, { title: 'alles', lang: 'nl' });
    const text = pdftotext(pdf);
    expect(text).toContain('Begin alles'); // the meta refresh did not replace the document
    expect(text).toContain('Einde');
    expect(text).not.toContain('root:'); // /etc/passwd was not loaded
    expect(text).not.toContain('leaked');
    await new Promise((res) => setTimeout(res, 300)); // give stray requests time to arrive
    expect(seen).toEqual([]);
    expect(connections).toBe(0);
    expect(r.stats().blockedRequests - before).toBe(all.reduce((n, v) => n + v.intercepted, 0));
  });

  it('counts each kind of request on its own', async () => {
    // A fresh path: Blink remembers failed URLs per page, and a remembered one is not requested again.
    for (const v of vectors(`${origin}/each`)) {
      const before = r.stats().blockedRequests;
      const pdf = await r.render(page(v.name, v.html), { title: v.name, lang: 'nl' });
      expect(pdftotext(pdf), v.name).toContain(`Begin ${v.name}`);
      expect(r.stats().blockedRequests - before, v.name).toBe(v.intercepted);
    }
    await new Promise((res) => setTimeout(res, 300));
    expect(seen).toEqual([]);
    expect(connections).toBe(0);
  });

  it('with the Content-Security-Policy of htmlDocument, the same HTML does not even issue the requests', async () => {
    const before = r.stats().blockedRequests;
    const html = htmlDocument({ title: 'csp', lang: 'nl', css: pdfCss(), bodyHtml: `<p>Begin csp</p>${vectors(`${origin}/csp`).map((v) => v.html).join('\n')}` });
    const pdf = await r.render(html, { title: 'csp', lang: 'nl' });
    expect(pdftotext(pdf)).toContain('Begin csp');
    await new Promise((res) => setTimeout(res, 300));
    expect(seen).toEqual([]);
    expect(connections).toBe(0);
    // Only navigations (iframe, meta refresh), which CSP's default-src does not cover, reach interception.
    expect(r.stats().blockedRequests - before).toBeLessThanOrEqual(2);
  });

  it('answers the bundled fonts itself, once per browser, and refuses their URLs for anything but a font', async () => {
    const fresh = await PdfRenderer.launch({ binary, concurrency: 1 });
    try {
      const font = `${FONT_ORIGIN}/source-sans-3-latin-400-normal.woff2`;
      const bodyHtml = `<p>Begin fonts</p><img src="${font}" alt=""><div style="background:url(${FONT_ORIGIN}/source-sans-3-latin-700-italic.woff2)">x</div>`;
      // without htmlDocument's CSP, which would stop the image and the background before interception
      const html = page('fonts', `<style>${pdfCss('', { bodyHtml })}</style>${bodyHtml}`);
      const pdfs: Uint8Array[] = [];
      pdfs.push(await fresh.render(html, { title: 'fonts', lang: 'nl' }));
      // the image and the background asked for the font URL too: refused and counted
      expect(fresh.stats().blockedRequests).toBe(2);
      for (let i = 1; i < 6; i++) pdfs.push(await fresh.render(html, { title: 'fonts', lang: 'nl' }));
      const stats = fresh.stats();
      // the regular face, answered at first and then kept by Chromium
      expect(stats.fontsServed).toBeGreaterThanOrEqual(1);
      expect(stats.fontsServed).toBeLessThan(6);
      for (const pdf of pdfs) {
        expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+SourceSans3/);
        expect(Buffer.from(pdf).equals(Buffer.from(pdfs[0]!))).toBe(true); // a cached face gives the same PDF
      }
      await new Promise((res) => setTimeout(res, 300));
      expect(seen).toEqual([]);
      expect(connections).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('interception alone stops every request the page makes (resolver rules and proxy off)', async () => {
    const bare = await PdfRenderer.launch({ binary, blackholeProxy: false });
    try {
      const pagely = vectors(origin).filter((v) => !v.name.startsWith('prefetch'));
      await bare.render(page('bare', pagely.map((v) => v.html).join('\n')), { title: 'bare', lang: 'nl' });
      await new Promise((res) => setTimeout(res, 300));
      expect(seen).toEqual([]);
      expect(connections).toBe(0);
      expect(bare.stats().blockedRequests).toBe(pagely.reduce((n, v) => n + v.intercepted, 0));
    } finally {
      await bare.close();
    }
  });
});
