/**
 * Big hostile input (cases.ts, `heavy`): the real program, `node --max-old-space-size=256
 * bin/datalek.js`, must answer each within seconds, without running out of its capped heap
 * (which would abort with a V8 stack dump and exit 134), with exit 1 and the located diagnostic.
 * Also a cost that used to grow quadratically, measured on the function itself.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanTemp, ensureBuilt, type RunResult } from '../cli/helpers.js';
import { listTags } from '../../src/render/template/tags.js';
import { CASES, ORG } from './cases.js';
import { NOW, expectClean, expectedLine, projectWith, templateIncidentId } from './harness.js';

const HEAP_MB = 256;
const HEAVY = CASES.filter((c) => c.heavy);

beforeAll(() => ensureBuilt(), 180_000);
afterAll(cleanTemp);

interface CappedRun extends RunResult {
  ms: number;
}

/** `node --max-old-space-size=256 bin/datalek.js <args>`, killed after `timeoutMs`. */
function capped(args: string[], timeoutMs: number): Promise<CappedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? -1 : -2), out, err, ms: performance.now() - started });
    });
  });
}

/** The heavy incident cases in one project, each under a file name of its own. */
function heavyIncidents(): { root: string; files: Map<string, string> } {
  const root = projectWith();
  const files = new Map<string, string>();
  for (const c of HEAVY.filter((x) => x.kind !== 'template')) {
    const rel = `incidents/${ORG}/${c.name}.yaml`;
    writeFileSync(path.join(root, rel), c.generate!()[c.expect.file]!);
    files.set(c.name, rel);
  }
  return { root, files };
}

describe(`big hostile input, heap capped at ${HEAP_MB} MB`, () => {
  it('every big incident at once: validate names each at its place, within seconds, and keeps the valid ones', { timeout: 60_000 }, async () => {
    const { root, files } = heavyIncidents();
    const r = await capped(['validate', '--root', root, '--now', NOW], 30_000);
    expect(r.err, 'out of memory').not.toMatch(/heap out of memory|FATAL ERROR/);
    expect(r.code, r.err.slice(0, 2000)).toBe(1);
    expectClean(r, 'validate');
    for (const [name, file] of files) {
      const c = HEAVY.find((x) => x.name === name)!;
      expect(r.err, `${name} (${c.about})`).toMatch(expectedLine({ ...c.expect, file }));
    }
    // 20,000 unknown fields: the first hundred problems, then one line with the count (it took 12 s and printed 20,000 lines).
    expect(r.err).toContain(`${files.get('size-many-fields')}:129:1: 19900 more problems in this file are not shown (error DL-SCHEMA-TOO-MANY-PROBLEMS)`);
    expect(r.out).toMatch(/; 2 incidents and 1 organisation valid\.\n$/);
    expect(r.ms).toBeLessThan(10_000);
  });

  describe('every big template at once', () => {
    const templates = HEAVY.filter((c) => c.kind === 'template');
    let root: string;
    beforeAll(() => {
      root = projectWith(...templates);
    }, 60_000);

    it('validate names each, within seconds', { timeout: 60_000 }, async () => {
      const r = await capped(['validate', '--root', root, '--now', NOW], 30_000);
      expect(r.err, 'out of memory').not.toMatch(/heap out of memory|FATAL ERROR/);
      expect(r.code, r.err.slice(0, 2000)).toBe(1);
      expectClean(r, 'validate');
      for (const c of templates) expect(r.err, `${c.name} (${c.about})`).toMatch(expectedLine(c.expect));
      expect(r.out).toContain(`; ${templates.length + 2} incidents and ${templates.length + 1} organisations valid.`);
      expect(r.ms).toBeLessThan(10_000);
    });

    it('build fails those documents only: the valid organisation is built in full', { timeout: 120_000 }, async () => {
      const r = await capped(['build', '--root', root, '--now', NOW], 60_000);
      expect(r.err).not.toMatch(/heap out of memory|FATAL ERROR/);
      expect(r.code, r.err.slice(0, 2000)).toBe(1);
      expectClean(r, 'build');
      for (const c of templates) {
        expect(r.err, c.name).toMatch(expectedLine(c.build ?? c.expect));
        expect(existsSync(path.join(root, 'output', c.name, templateIncidentId(c.name), 'melding-ap.docx')), c.name).toBe(false);
      }
      for (const f of ['2026-102/melding-ap.docx', '2026-102/melding-ap.pdf', 'register.docx', 'register.pdf', 'register.csv']) {
        expect(existsSync(path.join(root, 'output', ORG, f)), f).toBe(true);
      }
    });
  });
});

describe('a cost that grew quadratically', () => {
  it('a Markdown template of 12,000 section lines is listed in seconds (it took 32 s)', () => {
    const template = '{#a}{/a}\n'.repeat(12_000); // 108 kB: under the size limit
    const started = performance.now();
    const tags = listTags(template, 'text', { templatePath: 't.md' });
    expect(tags.problems).toEqual([]);
    expect(tags.tags).toHaveLength(12_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
