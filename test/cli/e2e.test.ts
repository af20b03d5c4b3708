/**
 * The real binary, spawned as users and CI run it (`node bin/datalek.js`, what `npx datalek`
 * runs): exit codes, nothing but JSON on stdout with --json, no stack traces on stderr.
 * Built once (only when src/ is newer than dist/); everything else is tested in-process.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, JS_ERROR_NAME, NOW, REPO, STACK_FRAME, cleanTemp, diagnosticLines, ensureBuilt, generatedTree, run, spawnCli, tempProject } from './helpers.js';

const ORG = 'van-dam-advocaten';

beforeAll(() => ensureBuilt(), 120_000);
afterAll(cleanTemp);

function expectNoTrace(r: { out: string; err: string }): void {
  expect(r.out + r.err).not.toMatch(STACK_FRAME);
  expect(r.out + r.err).not.toMatch(JS_ERROR_NAME);
}

describe('node bin/datalek.js', () => {
  it('validate on the broken fixture: exit 1, the same diagnostics as in-process, no traces', async () => {
    const args = ['validate', '--root', path.join(FIXTURES, 'broken'), '--now', NOW];
    const [spawned, inProcess] = await Promise.all([spawnCli(args), run(args)]);
    expect(spawned.code).toBe(1);
    expectNoTrace(spawned);
    expect(spawned.err).toBe(inProcess.err);
    expect(spawned.out).toBe('16 errors in 16 files, 1 warning; 3 incidents and 1 organisation valid.\n');
  });

  it('triage --json on the examples: exit 0 and stdout is exactly one JSON array', async () => {
    const r = await spawnCli(['triage', '--json', '--now', NOW]);
    expect(r.code).toBe(0);
    expectNoTrace(r);
    const outcomes = JSON.parse(r.out) as { id: string }[];
    expect(outcomes).toHaveLength(16);
    const expected = JSON.parse(readFileSync(path.join(REPO, 'test/examples/expected.json'), 'utf8')) as Record<string, unknown>;
    expect(outcomes.map((o) => o.id).sort()).toEqual(Object.keys(expected).sort());
    // The one warning of the examples goes to stderr.
    expect(diagnosticLines(r.err)).toEqual([
      'incidents/boekhouding-claes/2026-204.yaml:4:1: risk_assessment: no person has assessed the risk yet; the triage shows a suggestion only (warning DL-RULE-RISK-NOT-ASSESSED)',
    ]);
  });

  it('status --json on the examples: exit 0 and a duties array', async () => {
    const r = await spawnCli(['status', '--json', '--now', NOW]);
    expect(r.code).toBe(0);
    const duties = JSON.parse(r.out) as { incidentId: string }[];
    expect([...new Set(duties.map((d) => d.incidentId))].sort()).toEqual(['2026-007', '2026-204']);
  });

  it('a project with broken files: every command exits 1, --json still parses, no traces', async () => {
    const root = tempProject([ORG], [`incidents/${ORG}/2026-002.yaml`]);
    const dir = path.join(root, 'incidents', ORG);
    writeFileSync(path.join(dir, '2026-050.yaml'), Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x0a, 0xe2, 0x82]));
    writeFileSync(path.join(dir, '2026-051.yaml'), 'id: "2026-051\ntitle: [\n');
    writeFileSync(path.join(dir, '2026-052.yaml'), '');
    mkdirSync(path.join(dir, '2026-053.yaml'));
    const results = await Promise.all([
      spawnCli(['validate', '--now', NOW], root),
      spawnCli(['triage', '--now', NOW], root),
      spawnCli(['triage', '--json', '--now', NOW], root),
      spawnCli(['status', '--json', '--now', NOW], root),
    ]);
    for (const r of results) {
      expect(r.code).toBe(1);
      expectNoTrace(r);
      const named = new Set(diagnosticLines(r.err).map((l) => l.slice(0, l.indexOf(':'))));
      expect([...named].sort()).toEqual(['2026-050', '2026-051', '2026-052'].map((id) => `incidents/${ORG}/${id}.yaml`));
    }
    expect((JSON.parse(results[2]!.out) as { id: string }[]).map((o) => o.id)).toEqual(['2026-002']);
    expect(JSON.parse(results[3]!.out)).toEqual([]);
  });

  it('1,000 incidents with one broken: triage --json exits 1 with the 999 outcomes as the only stdout', async () => {
    const tree = generatedTree(1000, 500);
    const r = await spawnCli(['triage', '--json', '--now', NOW], tree.root);
    expect(r.code).toBe(1);
    expectNoTrace(r);
    expect((JSON.parse(r.out) as unknown[]).length).toBe(999);
    expect(diagnosticLines(r.err)).toHaveLength(1);
    expect(diagnosticLines(r.err)[0]).toMatch(new RegExp(`^${tree.broken}:${tree.brokenLine}:10: data_subjects\\.count: `));
  });

  it('usage errors exit 2 and print nothing on stdout', async () => {
    const results = await Promise.all([
      spawnCli(['frobnicate']),
      spawnCli(['triage', '--json', '--frobnicate']),
      spawnCli(['triage', '--json', '--now', 'tomorrow']),
    ]);
    for (const r of results) {
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expectNoTrace(r);
    }
    expect(results[0]!.err).toContain('unknown command "frobnicate"');
    expect(results[1]!.err).toContain("Unknown option '--frobnicate'");
    expect(results[2]!.err).toContain('--now must be a date and time with its UTC offset');
  });

  it('new creates a file that validate accepts with warnings only', async () => {
    const root = tempProject([ORG]);
    const created = await spawnCli(['new', '--org', ORG, '--title', 'USB-stick verloren', '--now', '2026-11-22T09:00:00+01:00'], root);
    expect(created.code, created.err).toBe(0);
    expect(created.out).toContain(`Created incidents/${ORG}/2026-001.yaml`);
    const v = await spawnCli(['validate', '--now', NOW], root);
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/^All valid: 1 incident and 1 organisation, \d+ warnings\.\n$/);
    expect(v.err).toContain('(warning DL-RULE-PLACEHOLDER)');
    expect(v.err).not.toContain('(error ');
  });
});
