/**
 * `datalek build`: load and triage the project, resolve each organisation's template pack, plan the
 * documents, render them (Chromium started once, only when a PDF is needed) and write each file
 * atomically under the output folder, one build at a time. A failing document never stops the
 * others; everything that went wrong comes back as diagnostics.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadProject } from '../project/load.js';
import { saveValidationCache, type ValidationCacheHandle } from '../project/validation-cache.js';
import { loadOrganisationPacks, type OrganisationPacks } from '../project/packs.js';
import { PdfRenderer, type PdfRendererStats } from '../render/pdf/index.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { OutputFormat } from '../packs/index.js';
import { incompleteRegisters, orderJobs, planBuild, type DocumentJob, type JobOrder } from './plan.js';
import { prepareDocument, renderPrepared, type RenderContext } from './render-document.js';
import { entryFor, isUpToDate, loadCache, saveCache } from './cache.js';
import { lockOutput } from './lock.js';
import { removeStaleTempFiles, writeFileAtomic } from './write.js';
import { sourceDateEpoch } from './document-date.js';
import { compareText } from '../compare-text.js';

export interface BuildOptions {
  root: string;
  outDir: string;
  paths?: string[];
  orgs?: string[];
  now: Date;
  env?: NodeJS.ProcessEnv;
  /** Called after each document, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Documents rendered at once; PDFs are limited further by the renderer's own pool. */
  concurrency?: number;
  /** Rebuild every document, even those the cache says are up to date. */
  force?: boolean;
  /**
   * Only the documents of these incidents (`organisation/id`) and the organisations' registers
   * (with all their rows); other incidents' files are left alone, not pruned.
   */
  incidents?: ReadonlySet<string>;
  /**
   * Called once the project is loaded and planned, before the first document is rendered (and
   * before the validation cache is written, when it changed): the command line frees what loading
   * left behind here (collectGarbage in src/cli/heap.ts).
   */
  afterLoading?: () => void;
  /** Called every so often while the project is validated and triaged (LoadOptions.checkpoint). */
  whileLoading?: () => void;
}

export interface WrittenFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  format: OutputFormat;
  document: string;
  organisation: string;
  incident: string | null;
}

export interface BuildResult {
  written: WrittenFile[];
  /** Files of documents that were already up to date (nothing that feeds them changed). */
  upToDate: WrittenFile[];
  /** Why the build cache was not used, when it was there but could not be trusted. */
  cacheIgnored: string | null;
  /** Documents whose pack condition is false for an incident (not needed). */
  notApplicable: number;
  /** Incidents left out because their file has errors. */
  skippedIncidents: string[];
  failed: Array<{ document: string; organisation: string; incident: string | null; diagnostics: Diagnostic[] }>;
  /** Output files of earlier builds that no document of this build produces any more. */
  removed: string[];
  diagnostics: Diagnostic[];
  pdf: PdfRendererStats | null;
  registers: boolean;
}

/**
 * Runs the jobs `size` at a time, in order, except that at most one `heavy` job runs at a time
 * (registers: one row per incident, hundreds of megabytes while an office of thousands of
 * incidents is rendered). A worker that comes to a heavy job while another one runs leaves it for
 * later and takes the next light one; the heavy job starts as soon as the running one is done.
 * Several large registers at once would add up their memory for nothing: they are few, and the
 * other workers keep both Chromium pages and Node busy meanwhile.
 *
 * The pool lets go of each job once it is done (it does not change `items`): a job holds its
 * incident, so a build whose caller holds no other reference to its jobs frees the incidents one
 * by one as their documents are written, instead of holding all of them until the last one is.
 */
export function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>, heavy: (item: T) => boolean = () => false): Promise<void> {
  // Not async itself: `items` is not kept by the suspended workers below.
  return runPool<T>([...items], Math.max(1, Math.min(size, items.length)), work, heavy);
}

async function runPool<T>(queue: Array<T | undefined>, workers: number, work: (item: T) => Promise<void>, heavy: (item: T) => boolean): Promise<void> {
  let next = 0;
  let heavyRunning = false;
  const waiting: T[] = []; // heavy jobs passed over while another one ran, in order
  const take = (): { item: T; heavy: boolean } | undefined => {
    if (!heavyRunning && waiting.length > 0) return { item: waiting.shift()!, heavy: true };
    while (next < queue.length) {
      const item = queue[next] as T;
      queue[next++] = undefined;
      if (!heavy(item)) return { item, heavy: false };
      if (!heavyRunning) return { item, heavy: true };
      waiting.push(item);
    }
    return undefined; // what is left waits for the heavy job that runs: its worker takes it next
  };
  const worker = async (): Promise<void> => {
    for (let job = take(); job; job = take()) {
      if (job.heavy) heavyRunning = true;
      try {
        await work(job.item);
      } finally {
        if (job.heavy) heavyRunning = false;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

/** What the build renders from: the planned jobs and what loading found, without the project itself. */
interface Planned {
  jobs: DocumentJob[];
  packs: ReadonlyMap<string, OrganisationPacks>;
  diagnostics: Diagnostic[];
  notApplicable: number;
  /** Incident files with errors. */
  invalid: ReadonlySet<string>;
  /** `organisation/id` of every incident loaded without errors. */
  valid: ReadonlySet<string>;
  validationCache?: ValidationCacheHandle;
}

/**
 * Loads the project and plans its documents. The project is not returned: the jobs hold each
 * incident they need, and nothing else does, so an incident is freed once its documents are done
 * (see pool). For 10,000 incidents the loaded project is about 190 MB.
 */
async function loadAndPlan(opts: BuildOptions, only: ReadonlySet<string> | undefined, onSourcesRead: (changed: number) => void): Promise<Planned> {
  const project = await loadProject({
    root: opts.root,
    now: opts.now,
    cacheDir: opts.outDir,
    onSourcesRead,
    ...(opts.whileLoading ? { checkpoint: opts.whileLoading } : {}),
    ...(opts.paths ? { paths: opts.paths } : {}),
  });
  const selected = project.validation.organisations.filter((o) => !only || only.has(o.organisation.id));
  const { packs, diagnostics: packProblems } = await loadOrganisationPacks(opts.root, selected);
  const plan = planBuild({ packs, triaged: project.triaged, organisationDocuments: !opts.paths, ...(only ? { only } : {}), ...(opts.incidents ? { incidents: opts.incidents } : {}) });
  const diagnostics = [...project.diagnostics, ...packProblems, ...plan.diagnostics];
  const known = new Set(project.validation.organisations.map((o) => o.organisation.id));
  for (const id of only ?? []) {
    if (known.has(id)) continue;
    diagnostics.push({
      code: 'DL-BUILD-UNKNOWN-ORG',
      severity: 'error',
      file: `templates/${id}/organisation.yaml`,
      line: 0,
      column: 0,
      field: '',
      message: `--org ${id}: no valid organisation with this id`,
      hint: `Known organisations: ${[...known].sort().join(', ') || '(none)'}.`,
    });
  }
  const invalid = new Set(diagnostics.filter((d) => d.severity === 'error' && d.file.startsWith('incidents/')).map((d) => d.file));
  diagnostics.push(...incompleteRegisters(plan.jobs, invalid, known));
  return {
    jobs: plan.jobs,
    packs,
    diagnostics,
    notApplicable: plan.notApplicable,
    invalid,
    valid: new Set(project.triaged.map((t) => `${t.incident.organisation}/${t.incident.id}`)),
    ...(project.validationCache ? { validationCache: project.validationCache } : {}),
  };
}

export async function runBuild(opts: BuildOptions): Promise<BuildResult> {
  const env = opts.env ?? process.env;
  const epoch = sourceDateEpoch(env);
  const only = opts.orgs ? new Set(opts.orgs) : undefined;
  let renderer: Promise<PdfRenderer> | undefined;
  const startPdf = (): Promise<PdfRenderer> => (renderer ??= PdfRenderer.launch({ env }));
  const closePdf = async (): Promise<PdfRendererStats | null> => {
    const r = renderer ? await renderer.catch(() => undefined) : undefined;
    if (!r) return null;
    const stats = r.stats();
    await r.close();
    return stats;
  };
  let planned: Planned;
  let lock: Awaited<ReturnType<typeof lockOutput>>;
  try {
    // When a file changed since the last build (or --force), a PDF is as good as certain to be due:
    // Chromium then starts while the files are validated and triaged, not once the first PDF's
    // Markdown is made (which holds Node's thread, so the browser's start waited for it). Which
    // documents are due is known only later; a start for nothing costs its own core a moment.
    planned = await loadAndPlan(opts, only, (changed) => {
      if (opts.force || changed > 0) startPdf().catch(() => {}); // a failed start is reported by the PDFs
    });
    lock = await lockOutput(opts.outDir);
  } catch (e) {
    await closePdf();
    throw e;
  }
  const { packs, diagnostics, invalid } = planned;
  const result: BuildResult = {
    written: [],
    upToDate: [],
    cacheIgnored: null,
    notApplicable: planned.notApplicable,
    skippedIncidents: [...invalid].sort(),
    failed: [],
    removed: [],
    diagnostics: [],
    pdf: null,
    registers: !opts.paths,
  };

  try {
    await removeStaleTempFiles(opts.outDir);
    // Saved now, not after the documents: then its few megabytes per thousand incidents are not
    // held while the documents are rendered.
    if (planned.validationCache) {
      // Loading's garbage goes first, so the cache's text is not written on top of it.
      await saveValidationCache(planned.validationCache, opts.afterLoading ? { beforeWrite: opts.afterLoading } : {});
      delete planned.validationCache;
    }
    const { cache, ignored, text: cacheText } = await loadCache(opts.outDir);
    result.cacheIgnored = ignored;
    opts.afterLoading?.();
    const ctx: RenderContext = {
      root: opts.root,
      now: opts.now,
      ...(epoch ? { epoch } : {}),
      pdf: startPdf,
      files: new Map(),
      digests: { known: new Map(Object.entries(cache.data)), used: new Map() },
    };
    // Nothing was built before (or the build cache cannot be used): every PDF is due, so Chromium
    // starts now. A changed file or --force started it already (see above); otherwise it starts
    // with the first PDF that is due, if any.
    const pdfLikely = ignored !== null || Object.keys(cache.entries).length === 0;
    if (pdfLikely && planned.jobs.some((j) => j.formats.includes('pdf'))) ctx.pdf().catch(() => {}); // a failed start is reported by the PDFs
    // Everything is due: office by office, for memory; else the edited office's register first (see JobOrder).
    const order: JobOrder = pdfLikely || opts.force ? 'office-by-office' : 'registers-first';
    let done = 0;
    const total = planned.jobs.length;
    const failedIncidents = new Set<string>();
    // splice, and no variable for the ordered jobs: the pool is then alone in holding the jobs,
    // and lets go of each once it is done.
    await pool(orderJobs(planned.jobs.splice(0), order), opts.concurrency ?? 4, async (job: DocumentJob) => {
      const who = { document: job.document.id, organisation: job.org.organisation.id, incident: job.incident?.incident.id ?? null };
      const fail = (found: Diagnostic[]): void => {
        result.failed.push({ ...who, diagnostics: found });
        diagnostics.push(...found);
        if (job.incident) failedIncidents.add(`${who.organisation}/${who.incident}`);
      };
      const prepared = await prepareDocument(job, ctx);
      if (!prepared.ok) fail(prepared.diagnostics);
      else {
        const { keys } = prepared.prepared;
        const stale: OutputFormat[] = [];
        for (const format of job.formats) {
          const rel = `${job.base}.${format}`;
          if (!opts.force && isUpToDate(cache.entries[rel], keys[format]!, path.join(opts.outDir, rel))) result.upToDate.push({ path: rel, format, ...who });
          else stale.push(format);
        }
        const rendered = stale.length > 0 ? await renderPrepared(prepared.prepared, ctx, stale) : { ok: true as const, files: [] };
        if (!rendered.ok) fail(rendered.diagnostics);
        else {
          for (const f of rendered.files) {
            const rel = `${job.base}.${f.format}`;
            const file = path.join(opts.outDir, rel);
            await writeFileAtomic(file, f.bytes);
            result.written.push({ path: rel, format: f.format, ...who });
            cache.entries[rel] = await entryFor(keys[f.format]!, file);
          }
        }
      }
      opts.onProgress?.(++done, total);
    }, (job) => job.rows !== undefined);
    if (!opts.paths && !opts.incidents) {
      result.removed = await pruneStale(opts.outDir, [...packs.keys()].filter((id) => !only || only.has(id)), result, failedIncidents, invalid, planned.valid);
      for (const rel of result.removed) delete cache.entries[rel];
    }
    // A build of everything keeps what it used; a build of some incidents or offices keeps the rest too.
    const used = ctx.digests!.used;
    cache.data = Object.fromEntries(opts.paths || opts.orgs || opts.incidents ? [...Object.entries(cache.data), ...used] : used);
    await saveCache(opts.outDir, cache, cacheText);
  } finally {
    try {
      result.pdf = await closePdf();
    } finally {
      await lock.release();
    }
  }
  const byPath = (a: WrittenFile, b: WrittenFile): number => compareText(a.path, b.path);
  result.written.sort(byPath);
  result.upToDate.sort(byPath);
  result.diagnostics = sortDiagnostics(diagnostics);
  return result;
}

/**
 * After a full build, documents that no longer apply (say, a letter for an incident whose risk
 * was reassessed) are removed, so output/ holds exactly what the triage calls for. Outputs of
 * incidents that failed or could not be read are kept: nothing is lost through a broken file.
 */
async function pruneStale(
  outDir: string,
  orgIds: string[],
  result: BuildResult,
  failedIncidents: ReadonlySet<string>,
  invalidFiles: ReadonlySet<string>,
  valid: ReadonlySet<string>,
): Promise<string[]> {
  const keep = new Set([...result.written, ...result.upToDate].map((w) => w.path));
  const removed: string[] = [];
  for (const org of orgIds) {
    let entries;
    try {
      entries = await readdir(path.join(outDir, org), { withFileTypes: true, recursive: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isFile() || !/\.(docx|pdf|csv)$/.test(e.name)) continue;
      const rel = path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
      if (keep.has(rel)) continue;
      const parts = rel.split('/');
      if (parts.length === 3) {
        const incidentKey = `${parts[0]}/${parts[1]}`;
        // An incident we could not build this time (broken file, failed render): keep its documents.
        if (failedIncidents.has(incidentKey) || !valid.has(incidentKey) && invalidFiles.size > 0) continue;
      } else if (result.failed.some((f) => f.incident === null && f.organisation === org)) continue;
      await rm(path.join(outDir, rel), { force: true });
      removed.push(rel);
    }
  }
  return removed.sort();
}
