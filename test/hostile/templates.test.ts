/**
 * Broken templates (cases.ts, kind 'template'): each lies in an organisation of its own, as an
 * override of the default pack's melding-ap template. `datalek validate` lints it and names it
 * with its line and column; `datalek build` renders everything else (the valid organisation's
 * documents, the register of the broken one) and fails that one document, naming the template.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTemp } from '../cli/helpers.js';
import { CASES, ORG } from './cases.js';
import { expectClean, expectJsonDiagnostic, expectedLine, projectWith, templateIncidentId, timedRun, type TimedRun } from './harness.js';

afterAll(cleanTemp);

const TEMPLATE_CASES = CASES.filter((c) => c.kind === 'template' && !c.heavy);

describe('each broken template: validate names it, the rest stays valid', () => {
  it.each(TEMPLATE_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const root = projectWith(c);
    const label = `${c.name} (${c.about})`;
    const r = await timedRun(['validate'], root);
    expect(r.code, `${label}\n${r.err}`).toBe(1);
    expectClean(r, label);
    expect(r.err, label).toMatch(expectedLine(c.expect));
    // The incidents and both organisations are valid: only the template is wrong.
    expect(r.out, label).toMatch(/^1 error in 1 file, \d+ warnings?; 3 incidents and 2 organisations valid\.\n$/);
    expect(r.ms, label).toBeLessThan(10_000);
  });

  it('all at once: validate --json gives each at its place', async () => {
    const root = projectWith(...TEMPLATE_CASES);
    const json = await timedRun(['validate', '--json'], root);
    expect(json.code).toBe(1);
    expectClean(json, 'validate --json');
    for (const c of TEMPLATE_CASES) expectJsonDiagnostic(json.out, c.expect, c.name);
  });
});

describe('all broken templates in one build', () => {
  let build: TimedRun;
  let root: string;
  beforeAll(async () => {
    root = projectWith(...TEMPLATE_CASES);
    build = await timedRun(['build'], root);
  }, 120_000);

  it('exits 1 without a stack trace, within time', () => {
    expect(build.code, build.err).toBe(1);
    expectClean(build, 'build');
    expect(build.ms).toBeLessThan(60_000);
  });

  it('builds every document of the valid organisation', () => {
    for (const f of ['2026-102/melding-ap.docx', '2026-102/melding-ap.pdf', 'register.docx', 'register.pdf', 'register.csv']) {
      expect(existsSync(path.join(root, 'output', ORG, f)), f).toBe(true);
    }
  });

  it.each(TEMPLATE_CASES.map((c) => [c.name, c] as const))('%s: named with the incident, its document not written, its register written', (_, c) => {
    const e = c.build ?? c.expect;
    const id = templateIncidentId(c.name);
    expect(build.err, c.name).toMatch(expectedLine(e));
    const line = build.err.split('\n').find((l) => expectedLine(e).test(l))!;
    expect(line, c.name).toContain(`(incident ${id})`);
    expect(existsSync(path.join(root, 'output', c.name, id, 'melding-ap.docx')), c.name).toBe(false);
    expect(existsSync(path.join(root, 'output', c.name, id, 'melding-ap.pdf')), c.name).toBe(false);
    expect(existsSync(path.join(root, 'output', c.name, 'register.pdf')), c.name).toBe(true);
  });

  it('reports each failed document once', () => {
    expect(build.out).toMatch(new RegExp(`0 incidents skipped for errors; ${TEMPLATE_CASES.length} documents failed\\.`));
  });
});
