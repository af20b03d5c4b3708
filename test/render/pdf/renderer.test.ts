/**
 * PdfRenderer against the real Chromium: text, tagging, footer, determinism, dates, timeouts and
 * crashes. One shared renderer for the file (the crash tests kill its browser; it relaunches).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfCss } from '../../../src/render/pdf/base-css.js';
import { isPdfError, type PdfError } from '../../../src/render/pdf/errors.js';
import { htmlDocument } from '../../../src/render/pdf/html-page.js';
import { PdfRenderer, type PdfRenderOptions } from '../../../src/render/pdf/renderer.js';
import { chromiumForTests, fixture, pdfinfo, pdftotext, popplerComplaints, sameBytes } from './helpers.js';

const { binary, reason } = chromiumForTests();

const letterHtml = htmlDocument({ title: 'Brief betrokkene 2026-004', lang: 'nl', css: pdfCss(), bodyHtml: fixture('letter-body.html') });
const letterOpts: PdfRenderOptions = { title: 'Brief betrokkene', lang: 'nl', footer: { left: 'Van den Berg & Partners — Brief betrokkene 2026-004' } };

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `<tr><td>2026-${String(i + 1).padStart(3, '0')}</td><td>Verkeerd verzonden e-mail, één bijlage</td><td>laag</td></tr>`).join('');
const registerHtml = (n: number) =>
  htmlDocument({
    title: 'Register van datalekken',
    lang: 'nl',
    css: pdfCss(),
    bodyHtml: `<h1>Register van datalekken</h1><table><thead><tr><th>Kenmerk</th><th>Omschrijving</th><th>Risicoklasse</th></tr></thead><tbody>${rows(n)}</tbody></table>`,
  });

describe.skipIf(!binary)(`PdfRenderer${reason ? ` (${reason})` : ''}`, () => {
  let r: PdfRenderer;
  let letter: Uint8Array;

  beforeAll(async () => {
    r = await PdfRenderer.launch({ binary, pageOpenTimeoutMs: 5_000 });
    letter = await r.render(letterHtml, letterOpts);
  });
  afterAll(async () => {
    await r?.close();
  });

  it('prints a two-page, tagged A4 letter with Dutch text and "pagina X van Y" footers', () => {
    const info = pdfinfo(letter);
    expect(info.Pages).toBe('2');
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Brief betrokkene 2026-004');
    expect(info['Page size']).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/); // 210 x 297 mm, as Chromium rounds it
    const text = pdftotext(letter);
    for (const s of ['cliëntgegevens', 'financiële', '€ 1.250,00', 'geïnstrueerd', 'Naïeve', 'coördinatie', 'reële', 'mr. P. van den Berg']) {
      expect(text).toContain(s);
    }
    const pages = text.split('\f');
    expect(pages[0]).toMatch(/Van den Berg & Partners — Brief betrokkene 2026-004\s+pagina 1 van 2/);
    expect(pages[1]).toMatch(/Van den Berg & Partners — Brief betrokkene 2026-004\s+pagina 2 van 2/);
    expect(popplerComplaints(letter)).toBe('');
  });

  const fontsOf = (pdf: Uint8Array): string[] => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datalek-pdffonts-'));
    try {
      writeFileSync(path.join(dir, 'a.pdf'), pdf);
      const out = spawnSync('pdffonts', [path.join(dir, 'a.pdf')], { encoding: 'utf8' }).stdout;
      return out.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('embeds only Source Sans 3 (no system font), footer included', () => {
    const fonts = fontsOf(letter);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+SourceSans3/);
  });

  it('covers latin-ext names in body and footer with Source Sans 3 too, and with the latin-only CSS for Dutch text', async () => {
    const body = '<p>Betrokkenen: Łukasz Dvořák, Ayşe Şahin, Zoë Müller.</p>';
    const pdf = await r.render(htmlDocument({ title: 'Namen', lang: 'nl', css: pdfCss('', { bodyHtml: body }), bodyHtml: body }), {
      title: 'Namen',
      lang: 'nl',
      footer: { left: 'Kancelaria Łódź' },
    });
    const text = pdftotext(pdf);
    expect(text).toContain('Łukasz Dvořák, Ayşe Şahin, Zoë Müller.');
    expect(text).toMatch(/Kancelaria Łódź\s+pagina 1 van 1/);
    for (const f of fontsOf(pdf)) expect(f).toMatch(/^[A-Z]{6}\+SourceSans3/);

    const dutch = fixture('letter-body.html');
    const slim = await r.render(htmlDocument({ title: 'Brief', lang: 'nl', css: pdfCss('', { bodyHtml: dutch }), bodyHtml: dutch }), letterOpts);
    expect(pdftotext(slim)).toBe(pdftotext(letter));
    for (const f of fontsOf(slim)) expect(f).toMatch(/^[A-Z]{6}\+SourceSans3/);
  });

  it('gives byte-identical PDFs for the same HTML on a reused page, in parallel, and after other documents', async () => {
    const pagesBefore = r.stats().pagesCreated;
    const again = await r.render(letterHtml, letterOpts);
    await r.render(registerHtml(10), { title: 'Register', lang: 'nl' });
    const third = await r.render(letterHtml, letterOpts);
    const parallel = await Promise.all([1, 2, 3, 4].map(() => r.render(letterHtml, letterOpts)));
    expect(sameBytes(again, letter)).toBe(true);
    expect(sameBytes(third, letter)).toBe(true);
    for (const p of parallel) expect(sameBytes(p, letter)).toBe(true);
    // Pages were reused (at most one more for the second parallel slot), so renumbering did the work.
    expect(r.stats().pagesCreated - pagesBefore).toBeLessThanOrEqual(1);
  });

  it('gives the same bytes from a second renderer (another browser process), which then closes cleanly', async () => {
    const other = await PdfRenderer.launch({ binary, concurrency: 1 });
    let profile = '';
    try {
      await other.render(registerHtml(5), { title: 'Register', lang: 'nl' }); // move its node ids along first
      expect(sameBytes(await other.render(letterHtml, letterOpts), letter)).toBe(true);
      profile = (other.browserInstance!.process()!.spawnargs.find((a) => a.startsWith('--user-data-dir=')) ?? '').slice('--user-data-dir='.length);
      expect(profile.startsWith(os.tmpdir())).toBe(true);
      expect(existsSync(profile)).toBe(true);
    } finally {
      await other.close();
    }
    expect(existsSync(profile)).toBe(false);
    const err = await other.render(letterHtml, letterOpts).catch((e: unknown) => e);
    expect(isPdfError(err, 'DL-PDF-CLOSED')).toBe(true);
  });

  it('writes the fixed date, or the caller date, or SOURCE_DATE_EPOCH, into the PDF', async () => {
    expect(pdfinfo(letter, true).CreationDate).toBe('2000-01-01T00:00:00Z');
    const dated = await r.render(letterHtml, { ...letterOpts, date: new Date('2026-03-03T09:30:00Z') });
    expect(pdfinfo(dated, true)).toMatchObject({ CreationDate: '2026-03-03T09:30:00Z', ModDate: '2026-03-03T09:30:00Z' });
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1767225600'; // 2026-01-01T00:00:00Z
    try {
      const epoch = await r.render(letterHtml, { ...letterOpts, date: new Date('2026-03-03T09:30:00Z') });
      expect(pdfinfo(epoch, true)).toMatchObject({ CreationDate: '2026-01-01T00:00:00Z', ModDate: '2026-01-01T00:00:00Z' });
      expect(epoch.length).toBe(letter.length);
      expect(sameBytes(epoch, letter)).toBe(false);
      expect(sameBytes(await r.render(letterHtml, letterOpts), epoch)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('repeats the table header on every printed page', async () => {
    const pdf = await r.render(registerHtml(90), { title: 'Register', lang: 'nl', footer: { left: 'Register' } });
    const pages = pdftotext(pdf).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(p).toMatch(/Kenmerk\s+Omschrijving\s+Risicoklasse/);
    expect(pages.at(-1)).toMatch(new RegExp(`pagina ${pages.length} van ${pages.length}`));
  });

  it('prints the footer on the first document of a fresh page, even when the body uses only bold', async () => {
    // The footer's regular face used to be loaded only while printing: blank footer, first time.
    const fresh = await PdfRenderer.launch({ binary, pageOpenTimeoutMs: 5_000 });
    try {
      const body = '<h1>Melding aan de AP volgens het model van de federatie</h1>';
      const pdf = await fresh.render(htmlDocument({ title: 'Kop', lang: 'nl', css: pdfCss('', { bodyHtml: body }), bodyHtml: body }), {
        title: 'Kop',
        lang: 'nl',
        footer: { left: 'Kantoor · Melding aan de AP (federatiemodel)' },
      });
      const text = pdftotext(pdf);
      expect(text).toMatch(/Kantoor · Melding aan de AP \(federatiemodel\)\s+pagina 1 van 1/);
      expect(text.match(/federatiemodel/g)).toHaveLength(1); // the hidden copy that loads the font is not printed
      expect(text).not.toContain('0123456789');
    } finally {
      await fresh.close();
    }
  });

  it('prints landscape A4 when asked, footer included, and the same text wider', async () => {
    const wide = await r.render(registerHtml(30), { title: 'Register', lang: 'nl', footer: { left: 'Register' }, landscape: true });
    expect(pdfinfo(wide)['Page size']).toMatch(/^841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    const pages = pdftotext(wide).split('\f').filter((p) => p.trim());
    expect(pages.at(-1)).toMatch(new RegExp(`Register\\s+pagina ${pages.length} van ${pages.length}`));
  });

  it('stops a document that takes too long with DL-PDF-TIMEOUT, and goes on', async () => {
    const before = r.stats();
    const err = await r.render(registerHtml(400), { title: 'Groot register', lang: 'nl', timeoutMs: 1 }).catch((e: unknown) => e);
    expect(isPdfError(err, 'DL-PDF-TIMEOUT')).toBe(true);
    expect((err as PdfError).message).toContain('Groot register');
    expect(r.stats().timeouts).toBe(before.timeouts + 1);
    expect(sameBytes(await r.render(letterHtml, letterOpts), letter)).toBe(true);
  });

  it('relaunches after Chromium is killed between documents', async () => {
    const before = r.stats();
    const pid = r.browserInstance!.process()!.pid!;
    process.kill(pid, 'SIGKILL');
    await new Promise((res) => setTimeout(res, 50));
    expect(sameBytes(await r.render(letterHtml, letterOpts), letter)).toBe(true);
    expect(r.browserInstance!.process()!.pid).not.toBe(pid);
    expect(r.stats().relaunches).toBe(before.relaunches + 1);
  });

  it('relaunches and retries a document when Chromium is killed while printing it', async () => {
    const before = r.stats();
    const big = registerHtml(300);
    const expected = await r.render(big, { title: 'Register', lang: 'nl' });
    const pid = r.browserInstance!.process()!.pid!;
    const pending = r.render(big, { title: 'Register', lang: 'nl' });
    setTimeout(() => process.kill(pid, 'SIGKILL'), 15); // the print takes ~100 ms
    expect(sameBytes(await pending, expected)).toBe(true);
    expect(r.stats().retries).toBe(before.retries + 1);
    expect(r.stats().relaunches).toBe(before.relaunches + 1);
  });

  it('retries on a fresh page when the tab (renderer process) crashes', async () => {
    const before = r.stats();
    const big = registerHtml(300);
    const expected = await r.render(big, { title: 'Register', lang: 'nl' });
    const browserPid = r.browserInstance!.process()!.pid!;
    const pending = r.render(big, { title: 'Register', lang: 'nl' });
    await new Promise((res) => setTimeout(res, 15));
    // Chromium runs in its own process group; its renderers are the processes with --type=renderer.
    const renderers = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([, pgid, ...args]) => Number(pgid) === browserPid && args.includes('--type=renderer'))
      .map(([pid]) => Number(pid));
    expect(renderers.length).toBeGreaterThan(0);
    for (const pid of renderers) process.kill(pid, 'SIGKILL');
    expect(sameBytes(await pending, expected)).toBe(true);
    expect(r.stats().retries).toBe(before.retries + 1);
    // Usually the same browser; when the kill also took the spare renderer, opening the new page
    // can hang, and the browser is relaunched.
    expect(r.stats().relaunches - before.relaunches).toBeLessThanOrEqual(1);
  });

  it('gives up with DL-PDF-BROWSER-CRASHED when the relaunched browser dies too, and recovers afterwards', async () => {
    const killed = new Set<number>();
    const killer = setInterval(() => {
      const pid = r.browserInstance?.process()?.pid;
      if (pid && !killed.has(pid)) {
        killed.add(pid);
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }, 2);
    let err: unknown;
    try {
      await r.render(registerHtml(300), { title: 'Register', lang: 'nl' });
    } catch (e) {
      err = e;
    } finally {
      clearInterval(killer);
    }
    expect(isPdfError(err, 'DL-PDF-BROWSER-CRASHED')).toBe(true);
    expect((err as PdfError).message).toContain('"Register"');
    expect(killed.size).toBeGreaterThanOrEqual(2);
    expect(sameBytes(await r.render(letterHtml, letterOpts), letter)).toBe(true);
  });
});
