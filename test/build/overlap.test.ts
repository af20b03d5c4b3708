/**
 * A document's DOCX is made while Chromium prints its PDF, except for a very large register
 * (SEQUENTIAL_FROM_ROWS rows or more), whose DOCX waits for the PDF so that the two never hold
 * their memory at once. Observed with a stand-in renderer that logs when it prints and finishes.
 */
import { describe, expect, it } from 'vitest';
import { planBuild } from '../../src/build/plan.js';
import { prepareDocument, renderPrepared, SEQUENTIAL_FROM_ROWS, type RenderContext } from '../../src/build/render-document.js';
import { loadProject } from '../../src/project/load.js';
import { loadOrganisationPacks } from '../../src/project/packs.js';
import type { PdfRenderer } from '../../src/render/pdf/index.js';
import { NOW, copyExamples } from '../fixtures/build/support.js';

async function order(rowCount: number | undefined): Promise<string[]> {
  const root = copyExamples(['boekhouding-claes']);
  const project = await loadProject({ root, now: NOW });
  const { packs } = await loadOrganisationPacks(root, project.validation.organisations);
  const plan = planBuild({ packs, triaged: project.triaged, organisationDocuments: true });
  const register = plan.jobs.find((j) => j.rows !== undefined)!;
  const rows = rowCount === undefined ? register.rows! : Array.from({ length: rowCount }, (_, i) => register.rows![i % register.rows!.length]!);
  const events: string[] = [];
  const renderer = {
    busy: false,
    async render(_html: string, opts: { onPrinting?: () => void }): Promise<Uint8Array> {
      events.push('printing');
      opts.onPrinting?.();
      await new Promise((r) => setTimeout(r, 30));
      events.push('pdf done');
      return new Uint8Array([37, 80, 68, 70]);
    },
  } as unknown as PdfRenderer;
  const ctx: RenderContext = { root, now: NOW, pdf: () => Promise.resolve(renderer), files: new Map() };
  const prepared = await prepareDocument({ ...register, rows }, ctx);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
  const docx = prepared.prepared.templates.docx!;
  prepared.prepared.templates.docx = {
    path: docx.path,
    get file() {
      events.push('docx');
      return docx.file;
    },
  };
  const out = await renderPrepared(prepared.prepared, ctx, ['docx', 'pdf']);
  expect(out.ok).toBe(true);
  return events;
}

describe('DOCX and PDF of one document', () => {
  it('overlap: the DOCX is made while Chromium prints', async () => {
    expect(await order(undefined)).toEqual(['printing', 'docx', 'pdf done']);
    expect(await order(SEQUENTIAL_FROM_ROWS - 1)).toEqual(['printing', 'docx', 'pdf done']);
  });

  it(`follow each other for a register of ${SEQUENTIAL_FROM_ROWS} rows or more`, async () => {
    expect(await order(SEQUENTIAL_FROM_ROWS)).toEqual(['printing', 'pdf done', 'docx']);
  });
});
