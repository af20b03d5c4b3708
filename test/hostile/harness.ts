/** Projects for the hostile corpus, runs of the CLI, and what is asserted on every run. */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import PizZip from 'pizzip';
import { JS_ERROR_NAME, STACK_FRAME, run, tempDir, type RunResult } from '../cli/helpers.js';
import { FIXTURES, ORG, REPO, VALID_INCIDENTS, type Expected, type HostileCase } from './cases.js';

export const NOW = '2026-11-22T12:00:00+01:00';

function copyFromRepo(root: string, rel: string, to = rel, edit: (s: string) => string = (s) => s): void {
  mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  writeFileSync(path.join(root, to), edit(readFileSync(path.join(REPO, rel), 'utf8')));
}

/** A fresh project: the organisation assurantiekantoor-bosman and two of its valid incidents. */
export function baseProject(): string {
  const root = tempDir('datalek-hostile-');
  copyFromRepo(root, `templates/${ORG}/organisation.yaml`);
  for (const rel of VALID_INCIDENTS) copyFromRepo(root, rel);
  return root;
}

/** The incident of a template case: ids are unique across organisations, so each case has its own. */
export const templateIncidentId = (name: string): string => `2026-${name}`;

/** The organisation of a template case (a copy of the base one under the case's name) and its one incident (a copy of 2026-102). */
function addTemplateOrganisation(root: string, name: string): void {
  const id = templateIncidentId(name);
  copyFromRepo(root, `templates/${ORG}/organisation.yaml`, `templates/${name}/organisation.yaml`, (s) => s.replace(`id: ${ORG}`, `id: ${name}`));
  copyFromRepo(root, `incidents/${ORG}/2026-102.yaml`, `incidents/${name}/${id}.yaml`, (s) =>
    s.replace('id: "2026-102"', `id: "${id}"`).replace(`organisation: ${ORG}`, `organisation: ${name}`),
  );
}

/** Put a case into a project: its fixture files, its generated files, its organisation (template cases). */
export function addCase(root: string, c: HostileCase): void {
  if (c.kind === 'template') addTemplateOrganisation(root, c.name);
  const fixture = path.join(FIXTURES, c.name);
  if (existsSync(fixture)) cpSync(fixture, root, { recursive: true });
  for (const [rel, content] of Object.entries(c.generate?.() ?? {})) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
}

export function projectWith(...cases: HostileCase[]): string {
  const root = baseProject();
  for (const c of cases) addCase(root, c);
  return root;
}

export interface TimedRun extends RunResult {
  ms: number;
  /** Growth of the resident set during the run, in MB (a rough bound: the GC may run or not). */
  rssMB: number;
}

export async function timedRun(argv: string[], root: string): Promise<TimedRun> {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const r = await run([...argv, '--root', root, '--now', NOW], root);
  return { ...r, ms: performance.now() - started, rssMB: (process.memoryUsage().rss - rss) / 1024 / 1024 };
}

/** No JS stack frame, no JS error class, no internal fault: whatever the input. */
export function expectClean(r: { out: string; err: string }, label: string): void {
  expect(r.out + r.err, `${label}: stack frame`).not.toMatch(STACK_FRAME);
  expect(r.out + r.err, `${label}: JS error name`).not.toMatch(JS_ERROR_NAME);
  expect(r.out + r.err, `${label}: internal error`).not.toMatch(/internal error|DL-INTERNAL|fault in datalek/);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The human line of the expected diagnostic: `file:line:column: field: message (error CODE)`, or
 * `file: field: message (error CODE)` for the whole file.
 */
export function expectedLine(e: Expected): RegExp {
  const where =
    e.line === 0
      ? escape(e.file)
      : `${escape(e.file)}:${e.line === undefined ? '[1-9]\\d*' : e.line}:${e.column === undefined ? '[1-9]\\d*' : e.column}`;
  const field = e.field ? `${escape(e.field)}: ` : '';
  return new RegExp(`^${where}: ${field}\\S.* \\(error ${escape(e.code)}\\)$`, 'm');
}

/** The same diagnostic in `--json` output. */
export function expectJsonDiagnostic(json: string, e: Expected, label: string): void {
  const list = JSON.parse(json) as Array<{ code: string; file: string; line: number; column: number; field: string; severity: string }>;
  const found = list.find(
    (d) =>
      d.code === e.code &&
      d.file === e.file &&
      d.severity === 'error' &&
      (e.line === undefined ? d.line > 0 : d.line === e.line) &&
      (e.column === undefined ? true : d.column === e.column) &&
      (e.field === undefined ? true : d.field === e.field),
  );
  expect(found, `${label}: ${JSON.stringify(e)} in\n${JSON.stringify(list, null, 1).slice(0, 3000)}`).toBeDefined();
}

/** The text of a .docx as a reader sees it: runs joined, <w:br/> as a line break, <w:tab/> as a tab, entities decoded. */
export function docxText(bytes: Uint8Array, part = 'word/document.xml'): string {
  const xml = new PizZip(bytes).file(part)!.asText();
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\b[^>]*\/>|<w:tab\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out += m[1];
    else out += m[0] === '<w:tab/>' ? '\t' : '\n';
  }
  return out
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Whitespace runs as one space, for comparing text that was wrapped or reflowed. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Without any whitespace: for text read back from a PDF, where pdftotext guesses word spaces from
 * glyph positions (it reads "| a | b |" as "|a|b|") and lines are wrapped.
 */
export const noSpace = (s: string): string => s.replace(/\s+/g, '');
