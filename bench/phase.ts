/**
 * One phase of the benchmark, run in its own Node process so that its peak memory is its own:
 *
 *   node .bench-dist/bench/phase.js <phase> <result.json> <root> <outDir> <now>
 *
 * Phases:
 * - validate     `datalek validate` (the CLI's own command: incidents, organisations and packs)
 * - build        runBuild() into outDir: a full build when outDir is empty, else a rebuild
 * - browser-start  Chromium's start alone (driver loaded, browser launched), for the one-edit target
 * - floor-docx   docxtemplater alone: every DOCX of the build rendered by renderDocx, with data
 *                and templates prepared beforehand (untimed); only renderDocx is timed
 * - floor-pdf    Chromium alone: the HTML of every PDF of the build prepared beforehand (untimed),
 *                then printed by PdfRenderer.render with the build's concurrency (4 jobs, 2 pages);
 *                the browser's start is timed as part of it, as in the build
 * - pdf-route    our PDF route as the build runs it (template -> Markdown -> marked -> HTML ->
 *                Chromium -> fixed dates), from prepared data, without writing files: the
 *                counterpart of LibreOffice converting the DOCX files
 *
 * Each phase runs with the command line's heap settings (limitHeapGrowth, src/cli/heap.ts).
 * The result file gets the timings, the counts and process.resourceUsage().maxRSS.
 */
import { writeFile } from 'node:fs/promises';
import { loadProject } from '../src/project/load.js';
import { loadOrganisationPacks } from '../src/project/packs.js';
import { planBuild, type DocumentJob } from '../src/build/plan.js';
import { markdownText, prepareDocument, renderPrepared, type PreparedDocument, type RenderContext } from '../src/build/render-document.js';
import { sourceDateEpoch } from '../src/build/document-date.js';
import { pool, runBuild } from '../src/build/run.js';
import { renderDocx } from '../src/render/docx/render.js';
import { renderText, escapeMarkdown } from '../src/render/template/index.js';
import { markdownToHtml } from '../src/render/markdown.js';
import { htmlDocument, pdfCss, PdfRenderer, type PdfRenderOptions } from '../src/render/pdf/index.js';
import { main as cliMain } from '../src/cli/main.js';
import { collectGarbage, collectIfGrown, limitHeapGrowth } from '../src/cli/heap.js';

/** The build's own pool size (runBuild's default concurrency). */
export const BUILD_POOL = 4;

export interface PhaseResult {
  phase: string;
  /** Timed part, ms. */
  ms: number;
  /** Whole process from its start (Node start, imports, untimed preparation included), ms. */
  processMs: number;
  /** Documents (files) handled by the timed part. */
  documents: number;
  /** process.resourceUsage().maxRSS, MB. */
  maxRssMb: number;
  /** CPU time of this Node process (user + system, whole process), s. */
  cpuS: number;
  /** Browser start inside the timed part, ms (0 when none). */
  launchMs: number;
  detail: Record<string, unknown>;
}

/** Time per kind of document (brief-betrokkene, register, ...): count, total and slowest, ms. */
type ByDocument = Record<string, { n: number; ms: number; maxMs: number }>;
function tally(by: ByDocument, id: string, ms: number): void {
  const e = (by[id] ??= { n: 0, ms: 0, maxMs: 0 });
  e.n++;
  e.ms += ms;
  e.maxMs = Math.max(e.maxMs, ms);
}

/** Every document of the build, prepared exactly as runBuild prepares it. */
async function prepareAll(root: string, now: Date, ctx: RenderContext): Promise<PreparedDocument[]> {
  const project = await loadProject({ root, now });
  const { packs } = await loadOrganisationPacks(root, project.validation.organisations);
  const plan = planBuild({ packs, triaged: project.triaged, organisationDocuments: true });
  const out: PreparedDocument[] = [];
  await pool(plan.jobs, BUILD_POOL, async (job: DocumentJob) => {
    const p = await prepareDocument(job, ctx);
    if (!p.ok) return;
    // The data is built when first read; read it here, untimed, as every phase using this times
    // rendering "from prepared data" (it used to be built inside the DOCX floor's and the PDF
    // route's timings, and not inside the Chromium floor's).
    void p.prepared.data;
    out.push(p.prepared);
  });
  // Same order as the build's plan (the pool may finish out of order).
  const order = new Map(plan.jobs.map((j, i) => [j.base, i]));
  return out.sort((a, b) => order.get(a.job.base)! - order.get(b.job.base)!);
}

function context(root: string, now: Date, pdf: () => Promise<PdfRenderer>): RenderContext {
  const epoch = sourceDateEpoch(process.env);
  return { root, now, ...(epoch ? { epoch } : {}), pdf, files: new Map() };
}

const noPdf = (): Promise<PdfRenderer> => Promise.reject(new Error('no PDF in this phase'));

/** The HTML and print options renderPrepared hands to Chromium for a document's PDF. */
function pdfInput(p: PreparedDocument): { html: string; opts: PdfRenderOptions } {
  const { job, data, date, language } = p;
  const org = job.org.organisation;
  const incidentId = job.incident?.incident.id;
  const t = p.templates.md!;
  const text = markdownText(t.file);
  if (!text.ok) throw new Error(`${t.path} is not UTF-8`);
  const markdown = renderText(text.text, data, { templatePath: t.path, ...(incidentId ? { incident: incidentId } : {}), escape: escapeMarkdown });
  const bodyHtml = `<div class="${job.document.orientation}">\n${markdownToHtml(markdown)}</div>`;
  const title = `${job.document.title}${incidentId ? ` ${incidentId}` : ''}`;
  const lang = `${language}-${org.country}`;
  const html = htmlDocument({ title, lang, css: pdfCss('', { bodyHtml }), bodyHtml });
  return { html, opts: { title, lang, footer: { left: `${org.name} · ${job.document.title}` }, date, landscape: job.document.orientation === 'landscape' } };
}

async function run(phase: string, root: string, outDir: string, now: Date): Promise<Omit<PhaseResult, 'processMs' | 'maxRssMb' | 'cpuS'>> {
  switch (phase) {
    case 'validate': {
      let lines = 0;
      const io = { out: () => {}, err: (t: string) => void (lines += t.split('\n').length - 1), isTty: false, cwd: root };
      const t0 = performance.now();
      const code = await cliMain(['validate', '--root', root, '--now', now.toISOString()], io);
      const ms = performance.now() - t0;
      return { phase, ms, documents: 0, launchMs: 0, detail: { exitCode: code, stderrLines: lines } };
    }
    case 'build': {
      const t0 = performance.now();
      const r = await runBuild({ root, outDir, now, env: process.env, afterLoading: collectGarbage, whileLoading: collectIfGrown });
      const ms = performance.now() - t0;
      const byFormat = (list: Array<{ format: string }>) => list.reduce<Record<string, number>>((acc, w) => ((acc[w.format] = (acc[w.format] ?? 0) + 1), acc), {});
      return {
        phase,
        ms,
        documents: r.written.length,
        launchMs: r.pdf?.launchMs ?? 0,
        detail: {
          written: byFormat(r.written),
          writtenPaths: r.written.length <= 20 ? r.written.map((w) => w.path) : undefined,
          upToDate: r.upToDate.length,
          failed: r.failed.length,
          failures: r.failed.slice(0, 5).map((f) => `${f.organisation}/${f.incident}/${f.document}: ${f.diagnostics[0]?.message ?? ''}`),
          skippedIncidents: r.skippedIncidents.length,
          notApplicable: r.notApplicable,
          errors: r.diagnostics.filter((d) => d.severity === 'error').length,
          pdf: r.pdf,
        },
      };
    }
    case 'browser-start': {
      // Chromium's start on its own (the driver loaded, the browser launched, ready for a page):
      // the "browser start" the one-edit target allows. Inside a build the start overlaps Node's
      // own work, which makes it look longer there.
      const t0 = performance.now();
      const renderer = await PdfRenderer.launch({ env: process.env });
      const launchMs = performance.now() - t0;
      await renderer.close();
      return { phase, ms: launchMs, documents: 0, launchMs, detail: {} };
    }
    case 'floor-docx': {
      const ctx = context(root, now, noPdf);
      const docs = (await prepareAll(root, now, ctx)).filter((p) => p.job.formats.includes('docx'));
      let bytes = 0;
      const byDocument: ByDocument = {};
      const t0 = performance.now();
      await pool(docs, BUILD_POOL, async (p) => {
        const t = p.templates.docx!;
        const incident = p.job.incident?.incident.id;
        const t1 = performance.now();
        bytes += renderDocx(t.file.bytes, p.data, { templatePath: t.path, ...(incident ? { incident } : {}), date: p.date }).length;
        tally(byDocument, p.job.document.id, performance.now() - t1);
      });
      const ms = performance.now() - t0;
      return { phase, ms, documents: docs.length, launchMs: 0, detail: { bytes, byDocument } };
    }
    case 'floor-pdf': {
      const ctx = context(root, now, noPdf);
      const inputs = (await prepareAll(root, now, ctx)).filter((p) => p.job.formats.includes('pdf')).map((p) => ({ id: p.job.document.id, ...pdfInput(p) }));
      const byDocument: ByDocument = {};
      let bytes = 0;
      const failures: string[] = [];
      const t0 = performance.now();
      const renderer = await PdfRenderer.launch({ env: process.env });
      const launchMs = performance.now() - t0;
      try {
        await pool(inputs, BUILD_POOL, async ({ id, html, opts }) => {
          try {
            const t1 = performance.now();
            const pdf = await renderer.render(html, opts);
            tally(byDocument, id, performance.now() - t1);
            bytes += pdf.length;
          } catch (e) {
            failures.push(`${opts.title}: ${(e as Error).message}`);
          }
        });
      } finally {
        await renderer.close();
      }
      const ms = performance.now() - t0;
      return {
        phase,
        ms,
        documents: inputs.length,
        launchMs,
        detail: { bytes, htmlChars: inputs.reduce((s, i) => s + i.html.length, 0), failed: failures.length, failures: failures.slice(0, 5), byDocument, pdf: renderer.stats() },
      };
    }
    case 'pdf-route': {
      let renderer: Promise<PdfRenderer> | undefined;
      const ctx = context(root, now, () => (renderer ??= PdfRenderer.launch({ env: process.env })));
      const docs = (await prepareAll(root, now, ctx)).filter((p) => p.job.formats.includes('pdf'));
      let bytes = 0;
      const failures: string[] = [];
      const t0 = performance.now();
      try {
        await pool(docs, BUILD_POOL, async (p) => {
          const r = await renderPrepared(p, ctx, ['pdf']);
          if (r.ok) for (const f of r.files) bytes += f.bytes.length;
          else failures.push(`${p.job.base}: ${r.diagnostics[0]?.message ?? ''}`);
        });
      } finally {
        if (renderer) await (await renderer).close();
      }
      const ms = performance.now() - t0;
      const stats = renderer ? (await renderer).stats() : null;
      return { phase, ms, documents: docs.length, launchMs: stats?.launchMs ?? 0, detail: { bytes, failed: failures.length, failures: failures.slice(0, 5), pdf: stats } };
    }
    default:
      throw new Error(`unknown phase ${phase}`);
  }
}

const [phase, resultFile, root, outDir, nowText] = process.argv.slice(2);
if (!phase || !resultFile || !root || !outDir || !nowText) {
  process.stderr.write('usage: phase.js <phase> <result.json> <root> <outDir> <now>\n');
  process.exit(2);
}
// Every phase runs with the heap settings of the command line (src/cli/heap.ts), floors included,
// so that the ratios compare like with like.
limitHeapGrowth();
const r = await run(phase, root, outDir, new Date(nowText));
const usage = process.resourceUsage();
const result: PhaseResult = {
  ...r,
  processMs: performance.now(),
  maxRssMb: usage.maxRSS / 1024,
  cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
};
await writeFile(resultFile, JSON.stringify(result, null, 2) + '\n');
