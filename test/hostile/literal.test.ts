/**
 * Hostile-looking but valid data (cases.ts, LITERAL_CASES): HTML and script, docxtemplater and
 * Markdown syntax, XML specials, right-to-left text and emoji, other line endings. They validate
 * (exit 0), and `datalek build` prints them in the DOCX and the PDF exactly as typed: no tag
 * runs, nothing is bold, nothing is dropped.
 * Then PDF literalness straight through the renderer: hostile strings into the default letter,
 * through the Markdown template, escapeMarkdown, marked, HTML and Chromium, read back with
 * pdftotext.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTemp } from '../cli/helpers.js';
import { chromiumForTests, pdftotext } from '../render/pdf/helpers.js';
import { loadExamples } from '../documents/examples.js';
import { incidentDocumentData } from '../../src/documents/index.js';
import { escapeMarkdown, renderText } from '../../src/render/template/index.js';
import { markdownToHtml } from '../../src/render/markdown.js';
import { PdfRenderer, htmlDocument, pdfCss } from '../../src/render/pdf/index.js';
import { FIXTURES, LITERAL_CASES, ORG, REPO } from './cases.js';
import { xmlTrouble } from '../../src/render/docx/render.js';
import { baseProject, docxText, expectClean, noSpace, timedRun, type TimedRun } from './harness.js';

afterAll(cleanTemp);

describe('valid data that looks hostile: validates, and prints as typed', () => {
  let root: string;
  let validate: TimedRun;
  let build: TimedRun;
  beforeAll(async () => {
    root = baseProject();
    for (const c of LITERAL_CASES) cpSync(path.join(FIXTURES, c.name), root, { recursive: true });
    validate = await timedRun(['validate', '--json'], root);
    build = await timedRun(['build'], root);
  }, 120_000);

  it('validate and build exit 0, without a stack trace', () => {
    expect(validate.code, validate.out).toBe(0);
    expectClean(validate, 'validate');
    expect(build.code, build.err).toBe(0);
    expectClean(build, 'build');
  });

  it.each(LITERAL_CASES.map((c) => [c.name, c] as const))('%s: no error, only the expected warnings', (_, c) => {
    const diagnostics = (JSON.parse(validate.out) as Array<{ file: string; code: string; severity: string }>).filter((d) => d.file === c.file);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code).sort()).toEqual([...(c.warnings ?? [])].sort());
  });

  it.each(LITERAL_CASES.map((c) => [c.name, c] as const))('%s: literally in the DOCX and the PDF', (_, c) => {
    const base = path.join(root, 'output', ORG, c.id, 'melding-ap');
    const docx = docxText(readFileSync(`${base}.docx`));
    for (const text of [...c.literal, ...(c.docxOnly ?? [])]) {
      // A line break in a value is a <w:br/>: compare line by line.
      for (const line of text.split('\n')) expect(docx, `${c.name}: ${JSON.stringify(line)} in the DOCX`).toContain(line);
    }
    const pdf = noSpace(pdftotext(readFileSync(`${base}.pdf`), false));
    for (const text of c.literal) expect(pdf, `${c.name}: ${JSON.stringify(text)} in the PDF`).toContain(noSpace(text));
  });

  it('data cannot add markup to the Word document: its XML stays well-formed and the tags stay text', () => {
    const xml = new PizZip(readFileSync(path.join(root, 'output', ORG, '2026-915', 'melding-ap.docx'))).file('word/document.xml')!.asText();
    expect(xmlTrouble(xml)).toBeUndefined();
    expect(xml).toContain(']]&gt; &lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;ingevoegd');
    expect(xml).not.toMatch(/<w:t(?: [^>]*)?>ingevoegd/);
    expect(xml).not.toContain('<!DOCTYPE');
  });
});

const HOSTILE_STRINGS = [
  '<script>alert("x")</script>',
  '{#incidenten}{nummer}{/incidenten}',
  '**niet vet** _niet schuin_ `geen code`',
  '# geen kop',
  '[geen link](https://example.invalid)',
  '&amp; &lt;b&gt; </body></html>',
  '{{dubbel}} {@raw} {=[[ ]]=}',
  '\\*backslash\\* \\\\ eind',
];

describe('PDF through the renderer: hostile strings come out as typed', () => {
  const { binary, reason } = chromiumForTests();
  let renderer: PdfRenderer | undefined;
  beforeAll(async () => {
    if (binary) renderer = await PdfRenderer.launch({ binary });
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
  });

  it.skipIf(!binary)(`the default letter to data subjects with hostile facts and title${reason ? ` (${reason})` : ''}`, async () => {
    const example = (await loadExamples()).find((e) => e.outcome.notifyDataSubjects)!;
    const incident = { ...example.incident, title: HOSTILE_STRINGS[0]!, what: { ...example.incident.what, facts: HOSTILE_STRINGS.join('\n') } };
    const data = incidentDocumentData({ incident, outcome: example.outcome, organisation: example.organisation, language: 'nl', date: new Date('2026-11-22T12:00:00+01:00') });
    const template = readFileSync(path.join(REPO, 'packs/default/brief-betrokkene.md'), 'utf8');
    const markdown = renderText(template, data, { templatePath: 'brief-betrokkene.md', escape: escapeMarkdown });
    const bodyHtml = markdownToHtml(markdown);
    expect(bodyHtml).not.toMatch(/<script|<strong>niet|<em>niet|<h1>geen|<a href="https:\/\/example/);
    const pdf = await renderer!.render(htmlDocument({ title: 'Brief', lang: 'nl', css: pdfCss('', { bodyHtml }), bodyHtml }), { title: 'Brief', lang: 'nl' });
    const text = noSpace(pdftotext(pdf, false));
    for (const s of HOSTILE_STRINGS) expect(text, s).toContain(noSpace(s));
  });
});
