/**
 * One planned document, in two steps. `prepareDocument` builds its data and resolves and reads
 * its templates, and derives a key from everything that feeds it (the data, the template bytes,
 * the document's settings, the tool's version): equal keys give equal output. `renderPrepared`
 * then renders each format: DOCX through docxtemplater, PDF through the Markdown template, marked
 * and Chromium, CSV straight from the register data. Nothing here writes files.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  incidentDocumentData,
  registerDocumentData,
  registerCsv,
  type DocumentLanguage,
} from '../documents/index.js';
import { resolveTemplate, displayPath, type OutputFormat } from '../packs/index.js';
import { renderDocx } from '../render/docx/render.js';
import { renderText, escapeMarkdown, isTemplateError, toDiagnostics } from '../render/template/index.js';
import { markdownToHtml } from '../render/markdown.js';
import { DEFAULT_TIMEOUT_MS, htmlDocument, pdfCss, type PdfRenderer } from '../render/pdf/index.js';
import { timeZoneFor } from '../triage/deadline.js';
import { VERSION } from '../version.js';
import { decodeUtf8, type Decoded } from '../load/utf8.js';
import { templateReads } from './template-reads.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { incidentDocumentDate, registerDate } from './document-date.js';
import type { DocumentJob } from './plan.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Organisation } from '../model/organisation.js';

/**
 * Bump when the rendering itself changes in a way the tool version does not show. 4: Markdown
 * templates are decoded strictly, a byte-order mark taken off (it used to reach marked). 5: a
 * document's key covers only the data fields its template reads.
 */
const RENDER_FORMAT = 5;

/**
 * Time a register's PDF gets on top of the renderer's default, per row. A row of the default
 * register takes about a page (long facts in narrow columns), ~11 ms alone on 2 cores and three
 * times that while the rest of a build runs: 2,500 rows need more than the default 30 s.
 */
export const REGISTER_PDF_MS_PER_ROW = 40;

/**
 * From this many rows on, a register's DOCX is made after its PDF instead of while Chromium prints
 * it. Measured at 2,500 rows: the PDF route alone peaked at 735 MB, the DOCX alone at 517 MB, the
 * two together at 998 MB (a base of 430 MB for 10,000 incidents). Below it, the overlap is kept:
 * it is what makes a rebuild after one edit quick.
 */
export const SEQUENTIAL_FROM_ROWS = 1_000;

export interface TemplateFile {
  bytes: Buffer;
  sha256: string;
  /** A Markdown template's text, decoded strictly as UTF-8 on first use (see markdownText). */
  decoded?: Decoded;
  /** The top-level data fields its tags read, or null when that cannot be told (see templateReads). */
  reads?: ReadonlySet<string> | null;
}

/** The text of a Markdown template, or where it is not UTF-8. Decoded once per file and build. */
export function markdownText(file: TemplateFile): Decoded {
  return (file.decoded ??= decodeUtf8(file.bytes));
}

export interface RenderContext {
  root: string;
  now: Date;
  epoch?: Date;
  /** Started on first use: Chromium runs only when a PDF is needed. */
  pdf: () => Promise<PdfRenderer>;
  /** Template files read (and hashed) once per build. */
  files: Map<string, Promise<TemplateFile>>;
  /**
   * What earlier builds found: the SHA-256 of an incident document's data by the SHA-256 of what
   * that data is made from (see documentData). `used` collects this build's, for the cache.
   */
  digests?: { known: ReadonlyMap<string, string>; used: Map<string, string> };
}

export interface PreparedDocument {
  job: DocumentJob;
  /** The data handed to the templates (built when first read: an up-to-date document never needs it). */
  readonly data: object;
  date: Date;
  language: DocumentLanguage;
  /** Per template format: the file and its path as shown to people. */
  templates: Partial<Record<'docx' | 'md', { path: string; file: TemplateFile }>>;
  /** Per output format: SHA-256 over everything that feeds that file. */
  keys: Partial<Record<OutputFormat, string>>;
}

export type Prepared = { ok: true; prepared: PreparedDocument } | { ok: false; diagnostics: Diagnostic[] };
export type RenderedFormats = { ok: true; files: Array<{ format: OutputFormat; bytes: Uint8Array | string }> } | { ok: false; diagnostics: Diagnostic[] };

export function documentLanguage(org: Organisation): DocumentLanguage {
  return org.language === 'fr' ? 'fr' : 'nl';
}

function htmlLang(org: Organisation, language: DocumentLanguage): string {
  return `${language}-${org.country}`;
}

function readTemplate(ctx: RenderContext, file: string): Promise<TemplateFile> {
  let p = ctx.files.get(file);
  if (!p) {
    p = readFile(file).then((bytes) => ({ bytes, sha256: createHash('sha256').update(bytes).digest('hex') }));
    ctx.files.set(file, p);
  }
  return p;
}

/**
 * The data handed to the templates, and the SHA-256 of what a template reads of it. An incident's
 * documents of one language and date share the data (a letter and a notification of the same
 * incident, say): built once while its documents are rendered (see shared()).
 *
 * A template's digest covers only the top-level fields it reads (templateReads): a letter that
 * never shows the hours since awareness is not rebuilt each time they tick on, while the draft
 * notification that shows them is. The register's, and its CSV's, cover all of its data.
 *
 * The data is a function of the incident, its triage outcome, the organisation, the language and
 * the date (and of this code: the tool's version and RENDER_FORMAT, which the build cache is
 * keyed on). So each digest is remembered by the digest of those inputs and the template's, and a
 * build that finds them unchanged does not build the data at all unless a document must be
 * rendered. The inputs may change while what a template reads does not (an outcome's hours since
 * awareness, say): then the data is built, hashed, and found the same.
 */
interface DataEntry {
  data: () => object;
  org: Organisation;
  /** SHA-256 of the inputs, when digests are remembered across builds (ctx.digests). */
  inputs?: string;
  /** Digests made so far, by the SHA-256 of the template they are for ('all': every field). */
  digests: Map<string, string>;
  /** The data built to hash it, held until the first document takes it. */
  built?: object;
}
const incidentData = new WeakMap<object, Map<string, DataEntry>>();
const organisationJson = new WeakMap<Organisation, string>();
/** SHA-256 of an incident's JSON and its outcome's, by the planned incident. */
const sourceDigest = new WeakMap<object, string>();

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Builds the value on first use and shares it for as long as something else holds it (a document
 * being rendered), then lets it go: the plan puts an incident's documents next to each other, so
 * they share one build, and the data of an incident whose documents are done (about 14 kB) is not
 * kept until the end of the build (110 MB for 10,000 incidents). Built again if asked for later.
 */
function shared<T extends object>(make: () => T): () => T {
  let ref: WeakRef<T> | undefined;
  return () => {
    const held = ref?.deref();
    if (held) return held;
    const made = make();
    ref = new WeakRef(made);
    return made;
  };
}

function dataEntry(job: DocumentJob, language: DocumentLanguage, date: Date, ctx: RenderContext): DataEntry {
  const org = job.org.organisation;
  if (!job.incident) {
    const data = registerDocumentData({ organisation: org, rows: (job.rows ?? []).map((r) => ({ incident: r.incident, outcome: r.outcome })), language, date });
    return { data: () => data, org, digests: new Map() };
  }
  const { incident, outcome } = job.incident;
  let byKey = incidentData.get(job.incident);
  if (!byKey) incidentData.set(job.incident, (byKey = new Map()));
  // The organisation object is part of the key by identity: the same incident object is only
  // ever planned with its own organisation, but a caller could hand it another.
  const key = `${language}|${date.getTime()}`;
  const found = byKey.get(key);
  if (found && found.org === org) return found;
  const entry: DataEntry = { data: shared(() => incidentDocumentData({ incident, outcome, organisation: org, language, date })), org, digests: new Map() };
  if (ctx.digests) {
    let orgText = organisationJson.get(org);
    if (orgText === undefined) organisationJson.set(org, (orgText = JSON.stringify(org)));
    // The incident and its outcome are hashed once, not once per document date.
    let source = sourceDigest.get(job.incident);
    if (source === undefined) sourceDigest.set(job.incident, (source = sha256(`${JSON.stringify(incident)}\0${JSON.stringify(outcome)}`)));
    entry.inputs = sha256(`${RENDER_FORMAT}\0${language}\0${date.toISOString()}\0${orgText}\0${source}`);
  }
  byKey.set(key, entry);
  return entry;
}

/** The JSON of the data's top-level fields in `reads` (and the `$` settings the filters use). */
function jsonOfFields(data: object, reads: ReadonlySet<string>): string {
  const picked: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (reads.has(k) || k.startsWith('$')) picked[k] = v;
  return JSON.stringify(picked);
}

/** The digest of what `template` reads of the entry's data (all of it without a template). */
function dataDigest(entry: DataEntry, template: { file: TemplateFile; kind: 'docx' | 'md' } | undefined, ctx: RenderContext): string {
  const which = template?.file.sha256 ?? 'all';
  const made = entry.digests.get(which);
  if (made !== undefined) return made;
  const memo = entry.inputs !== undefined ? sha256(`${entry.inputs}\0${which}`) : undefined;
  let digest = memo !== undefined ? ctx.digests?.known.get(memo) : undefined;
  if (digest === undefined) {
    const data = (entry.built ??= entry.data());
    const reads = template ? templateReadsOf(template.file, template.kind) : null;
    digest = sha256(reads ? jsonOfFields(data, reads) : JSON.stringify(data));
  }
  if (memo !== undefined) ctx.digests?.used.set(memo, digest);
  entry.digests.set(which, digest);
  return digest;
}

/** The top-level fields a template reads; null when that cannot be told. Worked out once per file and build. */
function templateReadsOf(file: TemplateFile, kind: 'docx' | 'md'): ReadonlySet<string> | null {
  if (file.reads === undefined) {
    if (kind === 'docx') file.reads = templateReads(file.bytes, 'docx');
    else {
      const text = markdownText(file);
      file.reads = text.ok ? templateReads(text.text, 'text') : null;
    }
  }
  return file.reads;
}

/** A problem of the build itself, attributed to the incident file (or the organisation). */
function problem(job: DocumentJob, code: string, message: string, hint?: string): Diagnostic {
  return {
    code,
    severity: 'error',
    file: job.incident?.file ?? `${job.org.dir}/organisation.yaml`,
    line: 0,
    column: 0,
    field: '',
    message: `${job.document.id}: ${message}`,
    ...(hint ? { hint } : {}),
  };
}

export async function prepareDocument(job: DocumentJob, ctx: RenderContext): Promise<Prepared> {
  const org = job.org.organisation;
  const language = documentLanguage(org);
  const zone = timeZoneFor(org);
  const date = job.incident
    ? incidentDocumentDate(job.document.id, job.incident.incident, ctx.now, zone, ctx.epoch)
    : registerDate((job.rows ?? []).map((r) => r.incident), ctx.now, zone, ctx.epoch);
  const entry = dataEntry(job, language, date, ctx);
  const templates: PreparedDocument['templates'] = {};
  const diagnostics: Diagnostic[] = [];
  for (const format of job.formats) {
    if (format === 'csv') {
      if (job.incident) diagnostics.push(problem(job, 'DL-BUILD-CSV-SCOPE', 'CSV output exists only for the register (organisation scope)', "Remove csv from this document's formats in pack.yaml."));
      continue;
    }
    const kind = format === 'docx' ? 'docx' : 'md';
    if (templates[kind]) continue;
    const resolved = resolveTemplate(job.org.chain, job.document.id, kind, language);
    if (!resolved.ok) {
      diagnostics.push(resolved.diagnostic);
      continue;
    }
    try {
      const shown = displayPath(ctx.root, resolved.path);
      const file = await readTemplate(ctx, resolved.path);
      const text = kind === 'md' ? markdownText(file) : undefined;
      if (text && !text.ok) diagnostics.push(makeDiagnostic('DL-TEMPLATE-ENCODING', { file: shown, line: text.line, column: text.column }, { detail: text.detail }));
      else templates[kind] = { path: shown, file };
    } catch (e) {
      diagnostics.push(problem(job, 'DL-TEMPLATE-UNREADABLE', `cannot read template ${displayPath(ctx.root, resolved.path)}: ${(e as Error).message}`));
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const common = JSON.stringify({
    tool: VERSION,
    render: RENDER_FORMAT,
    document: { id: job.document.id, title: job.document.title, orientation: job.document.orientation },
    epoch: ctx.epoch?.toISOString() ?? null,
  });
  const keys: PreparedDocument['keys'] = {};
  for (const format of job.formats) {
    const kind = format === 'docx' ? ('docx' as const) : ('md' as const);
    const file = format === 'csv' ? undefined : templates[kind]!.file;
    // A register's rows are nearly all of its data: its digest covers everything, once.
    const digest = dataDigest(entry, job.incident && file ? { file, kind } : undefined, ctx);
    keys[format] = createHash('sha256').update(format).update('\0').update(file?.sha256 ?? '').update('\0').update(common).update('\0').update(digest).digest('hex');
  }
  // The data built to hash it goes to this document, so it is not built a second time if it was
  // collected meanwhile; later documents of the incident share it while this one holds it.
  const built = entry.built;
  delete entry.built;
  const data = built ? () => built : entry.data;
  return {
    ok: true,
    prepared: {
      job,
      get data() {
        return data();
      },
      date,
      language,
      templates,
      keys,
    },
  };
}

/**
 * Renders the given formats of a prepared document (default: all of them). The PDF is started
 * first and printed by Chromium while the DOCX and CSV are made here, so the two overlap.
 */
export async function renderPrepared(p: PreparedDocument, ctx: RenderContext, formats: readonly OutputFormat[] = p.job.formats): Promise<RenderedFormats> {
  const { job, data, date, language } = p;
  const org = job.org.organisation;
  const incidentId = job.incident?.incident.id;
  const where = incidentId ? { incident: incidentId } : {};
  const diagnostics: Diagnostic[] = [];
  const failed = (format: OutputFormat, e: unknown): void => {
    if (isTemplateError(e)) diagnostics.push(...toDiagnostics(e));
    else {
      const err = e as Error & { code?: string; hint?: string };
      diagnostics.push(problem(job, err.code ?? 'DL-BUILD-RENDER', `${format.toUpperCase()}: ${err.message}`, err.hint));
    }
  };
  // The DOCX is made on Node's thread, which Chromium's driver needs too: start the DOCX once
  // Chromium is printing (or waiting for a free page), so the two overlap instead of the DOCX
  // holding the PDF back. A register's PDF prints for a second or more. A very large register
  // waits for its PDF instead (SEQUENTIAL_FROM_ROWS): memory before overlap.
  let handOff!: () => void;
  const handedOff = new Promise<void>((resolve) => (handOff = resolve));
  // Chromium starts (on the first PDF of a build) while the Markdown is made, not after it.
  const starting = formats.includes('pdf') ? ctx.pdf() : undefined;
  starting?.catch(() => {}); // a failed start is reported by printPdf
  const printPdf = async (): Promise<Uint8Array> => {
    const t = p.templates.md!;
    const text = markdownText(t.file);
    if (!text.ok) throw new Error('the template is not UTF-8'); // prepareDocument reported it already
    const markdown = renderText(text.text, data, { templatePath: t.path, ...where, escape: escapeMarkdown });
    const bodyHtml = `<div class="${job.document.orientation}">\n${markdownToHtml(markdown)}</div>`;
    const title = `${job.document.title}${incidentId ? ` ${incidentId}` : ''}`;
    const lang = htmlLang(org, language);
    const html = htmlDocument({ title, lang, css: pdfCss('', { bodyHtml }), bodyHtml });
    const renderer = await starting!;
    if (renderer.busy) handOff();
    return renderer.render(html, {
      onPrinting: handOff,
      title,
      lang,
      footer: { left: `${org.name} · ${job.document.title}` },
      date,
      landscape: job.document.orientation === 'landscape',
      ...(job.rows ? { timeoutMs: DEFAULT_TIMEOUT_MS + job.rows.length * REGISTER_PDF_MS_PER_ROW } : {}),
    });
  };
  const pdf = formats.includes('pdf')
    ? printPdf().then(
        (bytes) => ({ ok: true as const, bytes }),
        (e: unknown) => ({ ok: false as const, e }),
      )
    : undefined;
  if (pdf) {
    void pdf.then(handOff);
    const sequential = (job.rows?.length ?? 0) >= SEQUENTIAL_FROM_ROWS;
    if (formats.some((f) => f !== 'pdf')) await (sequential ? pdf : handedOff);
  }
  const made = new Map<OutputFormat, Uint8Array | string>();
  for (const format of formats) {
    try {
      if (format === 'csv') made.set(format, registerCsv(data as Parameters<typeof registerCsv>[0]));
      else if (format === 'docx') {
        const t = p.templates.docx!;
        made.set(format, renderDocx(t.file.bytes, data, { templatePath: t.path, ...where, date }));
      }
    } catch (e) {
      failed(format, e);
    }
  }
  if (pdf) {
    const printed = await pdf;
    if (printed.ok) made.set('pdf', printed.bytes);
    else failed('pdf', printed.e);
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, files: formats.map((format) => ({ format, bytes: made.get(format)! })) };
}
