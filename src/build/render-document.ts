/**
 * Rendering one planned document in each of its formats: DOCX through docxtemplater, PDF through
 * the Markdown template, marked and Chromium, CSV straight from the register data. Returns the
 * bytes per format, or the problems; writes nothing.
 */
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
import { htmlDocument, pdfCss, type PdfRenderer } from '../render/pdf/index.js';
import { timeZoneFor } from '../triage/deadline.js';
import { incidentDocumentDate, registerDate } from './document-date.js';
import type { DocumentJob } from './plan.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Organisation } from '../model/organisation.js';

export interface RenderContext {
  root: string;
  now: Date;
  epoch?: Date;
  /** Started on first use: Chromium runs only when a PDF is needed. */
  pdf: () => Promise<PdfRenderer>;
  /** Template files read once per build. */
  files: Map<string, Promise<Buffer>>;
}

export type RenderedFormats = { ok: true; files: Array<{ format: OutputFormat; bytes: Uint8Array | string }> } | { ok: false; diagnostics: Diagnostic[] };

export function documentLanguage(org: Organisation): DocumentLanguage {
  return org.language === 'fr' ? 'fr' : 'nl';
}

function htmlLang(org: Organisation, language: DocumentLanguage): string {
  return `${language}-${org.country}`;
}

function readCached(ctx: RenderContext, file: string): Promise<Buffer> {
  let p = ctx.files.get(file);
  if (!p) {
    p = readFile(file);
    ctx.files.set(file, p);
  }
  return p;
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

export async function renderDocument(job: DocumentJob, ctx: RenderContext): Promise<RenderedFormats> {
  const org = job.org.organisation;
  const language = documentLanguage(org);
  const zone = timeZoneFor(org);
  const incidentId = job.incident?.incident.id;
  const date = job.incident
    ? incidentDocumentDate(job.document.id, job.incident.incident, ctx.now, zone, ctx.epoch)
    : registerDate((job.rows ?? []).map((r) => r.incident), ctx.now, zone, ctx.epoch);
  const data = job.incident
    ? incidentDocumentData({ incident: job.incident.incident, outcome: job.incident.outcome, organisation: org, language, date })
    : registerDocumentData({ organisation: org, rows: (job.rows ?? []).map((r) => ({ incident: r.incident, outcome: r.outcome })), language, date });
  const files: Array<{ format: OutputFormat; bytes: Uint8Array | string }> = [];
  const diagnostics: Diagnostic[] = [];
  for (const format of job.formats) {
    try {
      if (format === 'csv') {
        if (job.incident) {
          diagnostics.push(problem(job, 'DL-BUILD-CSV-SCOPE', 'CSV output exists only for the register (organisation scope)', 'Remove csv from this document\'s formats in pack.yaml.'));
          continue;
        }
        files.push({ format, bytes: registerCsv(data as Parameters<typeof registerCsv>[0]) });
        continue;
      }
      const resolved = resolveTemplate(job.org.chain, job.document.id, format === 'docx' ? 'docx' : 'md', language);
      if (!resolved.ok) {
        diagnostics.push(resolved.diagnostic);
        continue;
      }
      const templatePath = displayPath(ctx.root, resolved.path);
      const template = await readCached(ctx, resolved.path);
      if (format === 'docx') {
        files.push({ format, bytes: renderDocx(template, data, { templatePath, ...(incidentId ? { incident: incidentId } : {}), date }) });
        continue;
      }
      const markdown = renderText(template.toString('utf8'), data, { templatePath, ...(incidentId ? { incident: incidentId } : {}), escape: escapeMarkdown });
      const bodyHtml = `<div class="${job.document.orientation}">\n${markdownToHtml(markdown)}</div>`;
      const title = `${job.document.title}${incidentId ? ` ${incidentId}` : ''}`;
      const html = htmlDocument({ title, lang: htmlLang(org, language), css: pdfCss('', { bodyHtml }), bodyHtml });
      const renderer = await ctx.pdf();
      files.push({ format, bytes: await renderer.render(html, { title, lang: htmlLang(org, language), footer: { left: `${org.name} · ${job.document.title}` }, date, landscape: job.document.orientation === 'landscape' }) });
    } catch (e) {
      if (isTemplateError(e)) diagnostics.push(...toDiagnostics(e));
      else {
        const err = e as Error & { code?: string; hint?: string };
        diagnostics.push(problem(job, err.code ?? 'DL-BUILD-RENDER', `${format.toUpperCase()}: ${err.message}`, err.hint));
      }
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, files };
}
