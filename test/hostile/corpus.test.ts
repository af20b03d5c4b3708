/**
 * The hostile corpus (cases.ts), incidents and organisations: for every case `datalek validate`
 * exits 1, prints the expected diagnostic at its file, line and column (also in --json), never a
 * stack trace, stays within time, and still validates the two valid incidents of the project.
 * Then all cases at once: triage and build still handle the valid incidents.
 * Big cases (heavy) run in limits.test.ts, in a child process with a capped heap.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, diagnosticLines, filesNamed } from '../cli/helpers.js';
import { CASES, FIXTURES, ORG, type HostileCase } from './cases.js';
import { baseProject, expectClean, expectJsonDiagnostic, expectedLine, projectWith, timedRun } from './harness.js';

afterAll(cleanTemp);

const INCIDENT_CASES = CASES.filter((c) => c.kind !== 'template' && !c.heavy);

describe('each hostile file among valid ones: validate names it and keeps the others', () => {
  it.each(INCIDENT_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const root = projectWith(c);
    const r = await timedRun(['validate'], root);
    const label = `${c.name} (${c.about})`;
    expect(r.code, `${label}\n${r.err}`).toBe(1);
    expectClean(r, label);
    expect(r.err, label).toMatch(expectedLine(c.expect));
    // Only the hostile file is named; the valid incidents and their organisation still count.
    expect(filesNamed(r.err), label).toEqual([c.expect.file]);
    expect(r.out, label).toMatch(/; 2 incidents and 1 organisation valid\.\n$/);
    expect(r.ms, label).toBeLessThan(10_000);
  });

  it('the table covers every kind of hostile input the issue names, with at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    const kinds = new Set(CASES.map((c) => c.kind));
    for (const k of ['yaml', 'encoding', 'size', 'bomb', 'nesting', 'number', 'count', 'date', 'organisation', 'id', 'template'] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    // Every case has its files: a fixture folder, generated files, or both.
    for (const c of CASES) expect(existsSync(path.join(FIXTURES, c.name)) || c.generate !== undefined, c.name).toBe(true);
  });
});

/** A case's hostile incident under a file name of its own, so that all cases fit in one project. */
function addRenamed(root: string, c: HostileCase): string {
  const rel = `incidents/${ORG}/${c.name}.yaml`;
  const file = c.expect.file;
  const generated = c.generate?.()[file];
  const content = generated ?? readFileSync(path.join(FIXTURES, c.name, file));
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), content);
  return rel;
}

describe('all hostile incidents at once', () => {
  const incidentFiles = INCIDENT_CASES.filter((c) => c.expect.file.startsWith('incidents/'));

  it('validate --json locates each; triage --json and build still handle the valid incidents and name every broken file', { timeout: 60_000 }, async () => {
    const root = baseProject();
    const broken = incidentFiles.map((c) => addRenamed(root, c));

    // validate --json: each at its line and column (the file renamed), with its field.
    const json = await timedRun(['validate', '--json'], root);
    expect(json.code).toBe(1);
    incidentFiles.forEach((c, i) => expectJsonDiagnostic(json.out, { ...c.expect, file: broken[i]! }, c.name));

    const triage = await timedRun(['triage', '--json'], root);
    expect(triage.code).toBe(1);
    expectClean(triage, 'triage');
    expect((JSON.parse(triage.out) as { file: string }[]).map((o) => o.file)).toEqual([`incidents/${ORG}/2026-101.yaml`, `incidents/${ORG}/2026-102.yaml`]);
    const named = new Set(diagnosticLines(triage.err).filter((l) => /\(error /.test(l)).map((l) => l.slice(0, l.indexOf(':'))));
    for (const f of broken) expect(named.has(f), f).toBe(true);

    const build = await timedRun(['build'], root);
    expect(build.code, build.err).toBe(1);
    expectClean(build, 'build');
    // 2026-102 is notified to the AP: its summary is built; the register is built from the valid ones.
    for (const f of ['2026-102/melding-ap.docx', '2026-102/melding-ap.pdf', 'register.docx', 'register.pdf', 'register.csv']) {
      expect(existsSync(path.join(root, 'output', ORG, f)), f).toBe(true);
    }
    expect(build.out).toMatch(new RegExp(`${broken.length} incidents skipped for errors; 0 documents failed\\.`));
    expect(build.ms).toBeLessThan(30_000);
  });
});
