/**
 * HTML in, PDF bytes out, through one reused Chromium (DESIGN.md: "one browser per build,
 * JavaScript off, every network request refused").
 *
 * - Create it lazily, with `await PdfRenderer.launch()`, when the first PDF is needed; close it
 *   at the end of the build.
 * - Up to `concurrency` (default 2) documents print in parallel, each on its own page; pages are
 *   reused across documents (a fresh page per document was ~3x slower: ~130 ms against ~45 ms
 *   for a two-page letter) and replaced after MAX_DOCUMENTS_PER_PAGE.
 * - Each page has JavaScript disabled before any content and request interception on: every
 *   request except `data:` URLs and the bundled fonts (fonts.ts) is aborted and counted
 *   (navigations, e.g. a meta refresh, get an empty 204 so the document stays). The HTML arrives
 *   by page.setContent, so nothing needs the network. The browser also resolves no host and
 *   sends everything to a dead proxy (chromium.ts), because some requests (<link rel=prefetch>)
 *   bypass the page's interception.
 * - Output is byte-identical for the same HTML, on a reused page, in parallel, or in another
 *   browser (see normalise.ts): dates come from SOURCE_DATE_EPOCH or the caller, and the tagged
 *   PDF's structure ids, which grow and reorder as a page is reused, are renumbered canonically.
 * - A document that takes longer than its timeout fails with DL-PDF-TIMEOUT. When Chromium or
 *   the page crashes, disconnects or cannot open a page, the renderer relaunches it if needed and
 *   retries the document once; a second failure is DL-PDF-BROWSER-CRASHED.
 */
import type { Browser, HTTPRequest, Page, PDFOptions } from 'puppeteer-core';
import { launchChromium, type ChromiumBinary, type LaunchedChromium } from './chromium.js';
import { PdfError } from './errors.js';
import { bundledFont, FONT_STACK, footerFontFaceCss } from './fonts.js';
import { escapeHtml } from './html-page.js';
import { normalisePdf, pdfInstant } from './normalise.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONCURRENCY = 2;
/**
 * A page is replaced after this many documents. Blink's node ids grow with every document on a
 * page; normalise.ts renumbers them, but only at a constant width (8 digits), so the counter must
 * never get near 10^8. Costs one fresh page (~80 ms) per this many documents.
 */
export const MAX_DOCUMENTS_PER_PAGE = 500;
/** A4 margins for a Dutch business letter; the footer sits inside the bottom margin. */
export const PAGE_MARGINS = { top: '25mm', right: '20mm', bottom: '22mm', left: '20mm' } as const;

export interface PdfRendererOptions {
  /** The Chromium to use; default findChromium(env). */
  binary?: ChromiumBinary;
  /** Read for PUPPETEER_EXECUTABLE_PATH (at launch) and SOURCE_DATE_EPOCH (per document). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Documents printed in parallel, 1..8 (default 2; more gains nothing on 2 cores). */
  concurrency?: number;
  /** Default per-document timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Default date for /CreationDate and /ModDate when SOURCE_DATE_EPOCH is unset (default 2000-01-01T00:00:00Z). */
  date?: Date;
  /** Time Chromium gets to open a new page before it counts as hung and is relaunched (default 15 000 ms). */
  pageOpenTimeoutMs?: number;
  /** Resolve no host and route all browser traffic to a dead proxy (default true); see chromiumArgs(). */
  blackholeProxy?: boolean;
}

export interface PdfRenderOptions {
  /** The document's title, used in error messages (the PDF's /Title comes from the HTML's <title>). */
  title: string;
  /** Language of the document: chooses the footer wording ("pagina 1 van 2", "page 1 sur 2", ...). */
  lang: string;
  /** Footer: `left` is plain text (e.g. office name and document title); page numbers are always on the right. */
  footer?: { left?: string };
  /** Per-document timeout in ms; default the renderer's (30 s). */
  timeoutMs?: number;
  /** Date for the PDF when SOURCE_DATE_EPOCH is unset; default the renderer's. */
  date?: Date;
  /** Print A4 in landscape (wide tables such as the register). */
  landscape?: boolean;
  /**
   * Called when the document is loaded and Chromium starts printing it: from then on Chromium
   * works on its own for a while, and the caller may use Node's thread for something else.
   */
  onPrinting?: () => void;
}

export interface PdfRendererStats {
  /** PDFs produced. */
  documents: number;
  /** Requests aborted by interception (anything but data: URLs and the bundled fonts). */
  blockedRequests: number;
  /** Bundled font faces answered by the renderer (Chromium caches them: a few per browser). */
  fontsServed: number;
  /** Browser starts, the first included. */
  launches: number;
  /** Browser starts after a crash or disconnect. */
  relaunches: number;
  /** Documents retried after a crash. */
  retries: number;
  /** Pages opened (pages are reused). */
  pagesCreated: number;
  timeouts: number;
  /** Time the first launch took, ms. */
  launchMs: number;
}

interface Generation {
  chromium: LaunchedChromium;
  gen: number;
}

interface PooledPage {
  page: Page;
  gen: number;
}

const TIMEOUT = Symbol('timeout');

/**
 * Headers of a bundled face: cacheable for as long as the browser lives, so that Chromium keeps
 * it decoded in its memory cache; cross-origin allowed, as fonts are fetched in CORS mode.
 */
const FONT_HEADERS = { 'Cache-Control': 'public, max-age=31536000, immutable', 'Access-Control-Allow-Origin': '*' };

/** Default time Chromium gets to open a new page before it counts as hung (relaunch and retry). */
const PAGE_OPEN_TIMEOUT_MS = 15_000;

/** Internal: the browser or the page died or hung; the document is retried once. */
class BrowserTrouble extends Error {
  override readonly name = 'BrowserTrouble';
  constructor(
    message: string,
    /** Restart the browser even if it still answers. */
    readonly relaunch: boolean,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

const FOOTER_WORDS: Record<string, [string, string]> = {
  nl: ['pagina', 'van'],
  fr: ['page', 'sur'],
  de: ['Seite', 'von'],
  en: ['page', 'of'],
};

/** A CSS string literal: quotes, backslashes, line breaks and "<" (no `</style` can appear) escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r\f<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The page box as CSS: A4 (landscape when asked), the margins, and the footer in the bottom
 * margin boxes ("pagina 1 van 2" in the document's language; counters filled in by Chromium).
 * Drawn by the document itself, with its own fonts: Chromium's footerTemplate is a separate
 * document per page, which took about a fifth of the printing time (measured: 35.5 against
 * 30.7 ms per letter). `left` is plain text; latin-ext faces are added when it needs them.
 */
export function pageCss(lang: string, opts: { left?: string; landscape?: boolean } = {}): string {
  const [page, of] = footerWords(lang);
  const m = PAGE_MARGINS;
  const face = `font-family:${FONT_STACK};font-size:8pt;font-weight:400;font-style:normal;`;
  const box = `${face}line-height:1.2;color:#555;vertical-align:middle;`;
  return (
    footerFontFaceCss(opts.left ?? '') +
    `@page{size:A4${opts.landscape ? ' landscape' : ''};margin:${m.top} ${m.right} ${m.bottom} ${m.left};` +
    `@bottom-left{content:${cssString(opts.left ?? '')};${box}text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}` +
    `@bottom-right{content:${cssString(`${page} `)} counter(page) ${cssString(` ${of} `)} counter(pages);${box}text-align:right;white-space:nowrap;}}` +
    `.${FOOTER_FONTS}{position:absolute;left:-10000px;top:0;white-space:nowrap;${face}}`
  );
}

/** The class of the element that makes the document load the footer's font (see withPageCss). */
const FOOTER_FONTS = 'dl-footer-fonts';

function footerWords(lang: string): [string, string] {
  return FOOTER_WORDS[lang.toLowerCase().split('-')[0] ?? 'nl'] ?? FOOTER_WORDS.nl!;
}

/**
 * The HTML with pageCss() as the last stylesheet of its head (so that it wins over the template's)
 * and, at the end of the body, the footer's text off the page and hidden from assistive technology.
 * Chromium lays out the margin boxes only while printing, after the fonts the document uses have
 * loaded: a face that only the footer uses (the regular one, under a body of headings alone) was
 * then still loading and the footer came out blank on a fresh page. The hidden copy makes the
 * document itself use that face, with the footer's characters, so it is loaded before printing.
 */
export function withPageCss(html: string, css: string, footer: { lang: string; left?: string } = { lang: 'nl' }): string {
  const [page, of] = footerWords(footer.lang);
  const probe = `<div class="${FOOTER_FONTS}" aria-hidden="true">${escapeHtml(`${footer.left ?? ''} ${page} 0123456789 ${of}`)}</div>\n`;
  const style = `<style>\n${css}\n</style>\n`;
  const head = html.search(/<\/head\s*>/i);
  let out = head < 0 ? style + html : html.slice(0, head) + style + html.slice(head);
  const body = out.lastIndexOf('</body>'); // htmlDocument writes it so; the body's text has its '<' escaped
  out = body < 0 ? out + probe : out.slice(0, body) + probe + out.slice(body);
  return out;
}

function looksLikeCrash(e: unknown): boolean {
  const name = (e as Error)?.name ?? '';
  const msg = (e as Error)?.message ?? String(e);
  return (
    e instanceof BrowserTrouble ||
    name === 'TargetCloseError' ||
    name === 'ConnectionClosedError' ||
    /target closed|session closed|connection closed|page crashed|browser has disconnected|browser disconnected|detached|not attached to an active page|no target with given id/i.test(msg)
  );
}

export class PdfRenderer {
  private current: Generation | undefined;
  private launching: Promise<Generation> | undefined;
  private nextGen = 0;
  private closed = false;
  private readonly idle: PooledPage[] = [];
  private readonly pageUses = new WeakMap<Page, number>();
  /** Pages whose renderer process crashed (while idle, say): never reused. */
  private readonly crashedPages = new WeakSet<Page>();
  private active = 0;
  private readonly waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private readonly counters: PdfRendererStats = {
    documents: 0,
    blockedRequests: 0,
    fontsServed: 0,
    launches: 0,
    relaunches: 0,
    retries: 0,
    pagesCreated: 0,
    timeouts: 0,
    launchMs: 0,
  };
  private readonly env: NodeJS.ProcessEnv;
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly date: Date | undefined;
  private readonly pageOpenTimeoutMs: number;

  private constructor(private readonly opts: PdfRendererOptions) {
    this.env = opts.env ?? process.env;
    this.concurrency = Math.min(8, Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_CONCURRENCY)));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.date = opts.date;
    this.pageOpenTimeoutMs = opts.pageOpenTimeoutMs ?? PAGE_OPEN_TIMEOUT_MS;
  }

  /** Start Chromium now (throws DL-CHROMIUM-MISSING / DL-CHROMIUM-LAUNCH). */
  static async launch(opts: PdfRendererOptions = {}): Promise<PdfRenderer> {
    const r = new PdfRenderer(opts);
    const t0 = performance.now();
    await r.browser();
    r.counters.launchMs = Math.round(performance.now() - t0);
    return r;
  }

  /** True when every page is printing: a render() now waits for one to be free. */
  get busy(): boolean {
    return this.active >= this.concurrency;
  }

  stats(): PdfRendererStats {
    return { ...this.counters };
  }

  /** The running browser, for diagnostics and tests (e.g. its process id). */
  get browserInstance(): Browser | undefined {
    return this.current?.chromium.browser;
  }

  async render(html: string, opts: PdfRenderOptions): Promise<Uint8Array> {
    this.assertOpen();
    const instant = pdfInstant(this.env, opts.date ?? this.date);
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    await this.acquireSlot();
    try {
      for (let attempt = 1; ; attempt++) {
        let gen = -1;
        try {
          const g = await this.browser();
          gen = g.gen;
          return await this.renderOnce(g, html, opts, instant, timeoutMs);
        } catch (e) {
          if (e instanceof PdfError) throw e;
          if (this.closed) throw this.closedError(e);
          const browserGone = gen >= 0 && this.current?.gen === gen && !this.current.chromium.browser.connected;
          if (!browserGone && !looksLikeCrash(e)) {
            throw new PdfError('DL-PDF-RENDER', `Printing "${opts.title}" to PDF failed: ${(e as Error)?.message ?? String(e)}`, { cause: e });
          }
          if (attempt >= 2) {
            throw new PdfError(
              'DL-PDF-BROWSER-CRASHED',
              `Chromium crashed or disconnected twice while printing "${opts.title}"; gave up after one relaunch.`,
              { cause: e, hint: 'Check memory and /tmp space, and that Chromium runs on its own (`chromium-headless-shell --version`); then build again.' },
            );
          }
          this.counters.retries++;
          await this.recover(gen, e instanceof BrowserTrouble && e.relaunch);
        }
      }
    } finally {
      this.releaseSlot();
    }
  }

  /** Close the browser and remove its profile. Pending renders fail with DL-PDF-CLOSED. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.reject(this.closedError());
    this.idle.length = 0;
    const launching = this.launching;
    const current = this.current;
    this.current = undefined;
    if (launching) await launching.then((g) => g.chromium.close()).catch(() => {});
    if (current) await current.chromium.close();
  }

  // ---- internals ---------------------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw this.closedError();
  }

  private closedError(cause?: unknown): PdfError {
    return new PdfError('DL-PDF-CLOSED', 'The PDF renderer was closed while documents were still being printed.', cause === undefined ? {} : { cause });
  }

  private acquireSlot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private releaseSlot(): void {
    const next = this.waiters.shift();
    if (next) next.resolve();
    else this.active--;
  }

  /** The live browser, launching one if there is none or the last one died. */
  private async browser(): Promise<Generation> {
    this.assertOpen();
    if (this.current && this.current.chromium.browser.connected) return this.current;
    if (this.launching) return this.launching;
    const dead = this.current;
    this.current = undefined;
    this.launching = (async () => {
      if (dead) {
        await dead.chromium.close().catch(() => {});
        this.counters.relaunches++;
      }
      const chromium = await launchChromium({ binary: this.opts.binary, env: this.env, blackholeProxy: this.opts.blackholeProxy });
      this.counters.launches++;
      const g: Generation = { chromium, gen: this.nextGen++ };
      chromium.browser.once('disconnected', () => {
        // Pages of a dead browser are useless; the next render relaunches.
        for (let i = this.idle.length - 1; i >= 0; i--) if (this.idle[i]!.gen === g.gen) this.idle.splice(i, 1);
      });
      if (this.closed) {
        await chromium.close();
        throw this.closedError();
      }
      return g;
    })();
    try {
      this.current = await this.launching;
      return this.current;
    } finally {
      this.launching = undefined;
    }
  }

  /**
   * After a crash-like failure on generation `gen`: a disconnected browser is relaunched by the
   * next browser() call; one that hangs (or `force`) is closed here so that it is relaunched too.
   */
  private async recover(gen: number, force: boolean): Promise<void> {
    const cur = this.current;
    if (!cur || cur.gen !== gen || !cur.chromium.browser.connected) return;
    if (force) {
      this.current = undefined;
      this.counters.relaunches++;
      await cur.chromium.close().catch(() => {});
    } else {
      // The page died but the browser answers: make sure it really does, else restart it.
      const alive = await Promise.race([
        cur.chromium.browser.version().then(() => true, () => false),
        new Promise<boolean>((r) => setTimeout(() => r(false), 5_000).unref()),
      ]);
      if (!alive) {
        this.current = undefined;
        this.counters.relaunches++;
        await cur.chromium.close().catch(() => {});
      }
    }
  }

  private async newPage(g: Generation): Promise<Page> {
    const page = await g.chromium.browser.newPage();
    this.counters.pagesCreated++;
    // No script and no network before any content arrives (the page holds about:blank until then).
    page.on('error', () => this.crashedPages.add(page));
    page.on('request', (req: HTTPRequest) => {
      if (req.isInterceptResolutionHandled()) return;
      const url = req.url();
      const font = bundledFont(url);
      if (url.startsWith('data:')) {
        void req.continue().catch(() => {});
      } else if (font !== undefined && req.resourceType() === 'font') {
        // One of the bundled faces, answered from memory: cached by Chromium for later documents.
        this.counters.fontsServed++;
        void req.respond({ status: 200, headers: FONT_HEADERS, contentType: 'font/woff2', body: font }).catch(() => {});
      } else if (req.isNavigationRequest()) {
        // An aborted navigation (a <meta http-equiv=refresh>, say) would replace the document
        // with Chromium's error page; "204 No Content" leaves the document where it is.
        this.counters.blockedRequests++;
        void req.respond({ status: 204, body: '' }).catch(() => {});
      } else {
        this.counters.blockedRequests++;
        void req.abort('blockedbyclient').catch(() => {});
      }
    });
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    return page;
  }

  /** A page from the pool, or a new one; a browser that cannot open a page in time is unwell. */
  private async acquirePage(g: Generation): Promise<Page> {
    const pooled = this.takeIdlePage(g.gen);
    if (pooled) return pooled;
    let late = false;
    const opening = this.newPage(g);
    opening.then(
      (p) => late && void p.close().catch(() => {}),
      () => {},
    );
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        opening,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            late = true;
            reject(new BrowserTrouble(`Chromium did not open a page within ${this.pageOpenTimeoutMs} ms`, true));
          }, this.pageOpenTimeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async renderOnce(g: Generation, html: string, opts: PdfRenderOptions, instant: Date, timeoutMs: number): Promise<Uint8Array> {
    const page = await this.acquirePage(g);
    let reusable = false;
    let timer: NodeJS.Timeout | undefined;
    let onCrash: ((e: unknown) => void) | undefined;
    const pdfOptions: PDFOptions = {
      format: 'A4',
      landscape: opts.landscape === true,
      printBackground: true,
      tagged: true,
      displayHeaderFooter: false,
      // Size, margins and footer come from pageCss(), added to the HTML below.
      preferCSSPageSize: true,
      timeout: 0,
    };
    // The document's own time starts once it has a page.
    const crashed = new Promise<never>((_, reject) => {
      onCrash = (e: unknown) => reject(new BrowserTrouble(`The page crashed: ${(e as Error)?.message ?? String(e)}`, false, e));
      page.on('error', onCrash); // on, not once: puppeteer wraps once-handlers, so off() below could not remove them (a leak per document)
    });
    const print = (async () => {
      await page.setContent(withPageCss(html, pageCss(opts.lang, { left: opts.footer?.left, landscape: opts.landscape }), { lang: opts.lang, ...(opts.footer?.left !== undefined ? { left: opts.footer.left } : {}) }), { waitUntil: 'load', timeout: 0 });
      const printing = page.pdf(pdfOptions);
      opts.onPrinting?.();
      return printing;
    })();
    const timeout = new Promise<typeof TIMEOUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMEOUT), timeoutMs);
    });
    crashed.catch(() => {});
    print.catch(() => {});
    try {
      const raw = await Promise.race([print, crashed, timeout]);
      if (raw === TIMEOUT) {
        this.counters.timeouts++;
        throw new PdfError('DL-PDF-TIMEOUT', `Printing "${opts.title}" to PDF took longer than ${timeoutMs} ms and was stopped.`, {
          hint: 'A very long document (or a very slow machine) can need more time; split the document or raise the timeout.',
        });
      }
      const { bytes } = normalisePdf(raw, instant, { inPlace: true });
      reusable = true;
      this.counters.documents++;
      return bytes;
    } catch (e) {
      if (e instanceof PdfError || e instanceof BrowserTrouble || looksLikeCrash(e)) throw e;
      // "Printing failed" and the like: was it the renderer dying under us? The crash event can
      // arrive just after the failed call.
      const died = () => this.crashedPages.has(page) || page.isClosed() || !g.chromium.browser.connected;
      for (let waited = 0; waited < 300 && !died(); waited += 25) await new Promise((r) => setTimeout(r, 25));
      if (died()) throw new BrowserTrouble(`The page crashed while printing: ${(e as Error)?.message ?? String(e)}`, false, e);
      throw e;
    } finally {
      clearTimeout(timer);
      if (onCrash) page.off('error', onCrash);
      const uses = (this.pageUses.get(page) ?? 0) + 1;
      this.pageUses.set(page, uses);
      if (reusable && uses < MAX_DOCUMENTS_PER_PAGE && !this.closed && this.current?.gen === g.gen) {
        this.idle.push({ page, gen: g.gen });
      } else {
        // A page that failed or timed out may still be busy: close it without waiting.
        void page.close().catch(() => {});
      }
    }
  }

  private takeIdlePage(gen: number): Page | undefined {
    while (this.idle.length > 0) {
      const p = this.idle.pop()!;
      if (p.gen === gen && !p.page.isClosed() && !this.crashedPages.has(p.page)) return p.page;
      void p.page.close().catch(() => {});
    }
    return undefined;
  }
}
