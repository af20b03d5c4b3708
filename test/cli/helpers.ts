/** Shared helpers of the CLI tests: in-process runs with a fake Io, and the real binary. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { spawnDatalek } from '../fixtures/build/support.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/cli');
export const BIN = path.join(REPO, 'bin/datalek.js');
/** The moment the bundled examples are triaged at in these tests. */
export const NOW = '2026-11-22T12:00:00+01:00';

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

/** `datalek <argv>` in this process, with output captured. */
export async function run(argv: string[], cwd: string = REPO): Promise<RunResult> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTty: false,
    cwd,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A JS stack frame ("    at fn (file:1:2)") or a JS error class name ("TypeError", "Error:"). */
export const STACK_FRAME = /^\s+at .+/m;
export const JS_ERROR_NAME = /\b(?:[A-Z][A-Za-z]*)?Error\b|\bERR_[A-Z_]+\b/;

/** Diagnostic lines of human output (the `file:line:column:` ones, not their hints). */
export function diagnosticLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !l.startsWith('    hint: '));
}

/** The file each diagnostic line names (the part before the first ':'). */
export function filesNamed(stderr: string): string[] {
  return [...new Set(diagnosticLines(stderr).map((l) => l.slice(0, l.indexOf(':'))))];
}

const tempDirs: string[] = [];

/** A fresh temporary folder, removed by `cleanTemp`. */
export function tempDir(prefix = 'datalek-cli-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function cleanTemp(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A temporary project holding the given organisations of the repository and, optionally, some of their incidents. */
export function tempProject(orgs: string[], incidents: string[] = []): string {
  const root = tempDir();
  for (const org of orgs) {
    mkdirSync(path.join(root, 'templates', org), { recursive: true });
    cpSync(path.join(REPO, 'templates', org, 'organisation.yaml'), path.join(root, 'templates', org, 'organisation.yaml'));
  }
  // The example federation pack that an organisation may extend (van Dam does).
  cpSync(path.join(REPO, 'packs', 'voorbeeld-federatie'), path.join(root, 'packs', 'voorbeeld-federatie'), { recursive: true });
  for (const rel of incidents) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    cpSync(path.join(REPO, rel), path.join(root, rel));
  }
  return root;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Make sure dist/ holds the CLI compiled from the current src/: build when any source is newer.
 * Others may be editing src/ at the same time; a build that reports type errors in their files
 * still emits, so a failed build only counts when it left no program behind.
 */
export function ensureBuilt(): void {
  const entry = path.join(REPO, 'dist/cli/main.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(path.join(REPO, 'src'))) return;
  try {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO, stdio: 'pipe' });
  } catch (e) {
    if (!existsSync(entry)) throw e;
    console.warn(`npm run build reported errors; using the program it emitted:\n${String((e as { stdout?: Buffer }).stdout ?? '')}`);
  }
}

/** Spawn the real `node bin/datalek.js <args>` and collect everything it prints. */
export function spawnCli(args: string[], cwd: string = REPO): Promise<RunResult> {
  return spawnDatalek(args, { cwd });
}

export interface Tree {
  root: string;
  /** Relative path of the one broken incident. */
  broken: string;
  /** The line of its broken value (column 10). */
  brokenLine: number;
  ids: string[];
}

/**
 * A project of `n` valid incidents of one organisation (copies of the example 2026-002 with
 * their own ids, 2026-0001 onwards) and one broken among them: `data_subjects.count: drie`.
 */
export function generatedTree(n = 1000, brokenAt = 500): Tree {
  const org = 'van-dam-advocaten';
  const root = tempProject([org]);
  const dir = path.join(root, 'incidents', org);
  mkdirSync(dir, { recursive: true });
  const text = readFileSync(path.join(REPO, 'incidents', org, '2026-002.yaml'), 'utf8');
  const id = (k: number) => `2026-${String(k).padStart(4, '0')}`;
  let brokenLine = 0;
  for (let k = 1; k <= n; k++) {
    let t = text.replace('id: "2026-002"', `id: "${id(k)}"`).replace('  records: 3', `  records: ${1 + (k % 7)}`);
    if (k === brokenAt) {
      t = t.replace('  count: 3', '  count: drie');
      brokenLine = t.split('\n').indexOf('  count: drie') + 1;
    }
    writeFileSync(path.join(dir, `${id(k)}.yaml`), t);
  }
  return { root, broken: `incidents/${org}/${id(brokenAt)}.yaml`, brokenLine, ids: Array.from({ length: n }, (_, i) => id(i + 1)) };
}
