/**
 * Crash safety, with real processes: a build killed with SIGKILL half-way leaves no partial
 * document in the output folder, its Chromium exits too, and a rerun finishes the job; a build
 * whose Chromium is killed mid-way relaunches it and still completes.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesMentioning } from '../processes.js';

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'bin', 'datalek.js');
const NOW = '2026-11-22T12:00:00+01:00';
const dirs: string[] = [];

async function project(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'datalek-crash-'));
  dirs.push(root);
  for (const dir of ['incidents', 'templates', 'packs']) await cp(path.join(REPO, dir), path.join(root, dir), { recursive: true });
  await mkdir(tmpOf(root));
  return root;
}

async function files(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  } catch {
    return [];
  }
}

/** Every document in the folder is whole: PDFs end with %%EOF, DOCX files open as zips. */
async function assertWhole(out: string): Promise<number> {
  let documents = 0;
  for (const rel of await files(out)) {
    const bytes = await readFile(path.join(out, rel));
    if (rel.endsWith('.pdf')) {
      expect(bytes.subarray(0, 5).toString(), rel).toBe('%PDF-');
      expect(bytes.subarray(-8).toString(), rel).toContain('%%EOF');
      documents++;
    } else if (rel.endsWith('.docx')) {
      expect(() => new PizZip(bytes).file('word/document.xml')?.asText(), rel).not.toThrow();
      documents++;
    } else if (rel.endsWith('.csv')) documents++;
  }
  return documents;
}

/**
 * The build's temporary folder (Chromium's profile goes there): inside the test's project, so
 * what a killed build cannot remove goes with it.
 */
const tmpOf = (root: string): string => path.join(root, 'tmp');

function run(root: string, out: string): { child: ReturnType<typeof spawn>; done: Promise<number | null>; stdout: () => string } {
  const child = spawn(process.execPath, [BIN, 'build', '--root', root, '--out', out, '--now', NOW, '--json'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, TMPDIR: tmpOf(root) },
  });
  let stdout = '';
  child.stdout!.on('data', (b: Buffer) => void (stdout += b.toString()));
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve(code))), stdout: () => stdout };
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting');
}

beforeAll(async () => {
  const [src, dist] = await Promise.all([stat(path.join(REPO, 'src')), stat(path.join(REPO, 'dist', 'cli', 'main.js')).catch(() => null)]);
  if (!dist || dist.mtimeMs < src.mtimeMs) execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO, stdio: 'ignore' });
}, 120_000);

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('a build killed with SIGKILL leaves no partial document, and a rerun finishes the job', async () => {
    const root = await project();
    const out = path.join(root, 'output');
    const complete = path.join(root, 'complete');
    // What a whole build writes, for comparison.
    const reference = run(root, complete);
    expect(await reference.done).toBe(0);
    const expected = (await files(complete)).filter((f) => !f.startsWith('.'));

    const first = run(root, out);
    await waitFor(async () => (await files(out)).filter((f) => f.endsWith('.pdf')).length >= 5, 60_000);
    expect(processesMentioning(tmpOf(root)).length).toBeGreaterThan(0); // its Chromium runs
    first.child.kill('SIGKILL');
    await first.done;
    // Nothing can run in a process killed this way; its Chromium notices that the pipe to it
    // closed and exits on its own.
    await waitFor(async () => processesMentioning(tmpOf(root)).length === 0, 15_000);
    const left = (await files(out)).filter((f) => !f.startsWith('.') && !path.basename(f).startsWith('.'));
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(expected.length);
    await assertWhole(out);

    // The rerun takes over the dead build's lock, removes its temporary files and writes the rest.
    const second = run(root, out);
    expect(await second.done).toBe(0);
    const after = await files(out);
    expect(after.filter((f) => !path.basename(f).startsWith('.'))).toEqual(expected);
    expect(after.filter((f) => f.endsWith('.datalek-tmp'))).toEqual([]);
    expect(await assertWhole(out)).toBe(expected.length);
    for (const f of expected) expect(await readFile(path.join(out, f))).toEqual(await readFile(path.join(complete, f)));
  }, 180_000);

  it('a build whose Chromium is killed mid-way relaunches it and completes', async () => {
    const root = await project();
    const out = path.join(root, 'output');
    const build = run(root, out);
    await waitFor(async () => (await files(out)).filter((f) => f.endsWith('.pdf')).length >= 3, 60_000);
    // Chromium runs as a child of the build's node process.
    const children = execFileSync('pgrep', ['-P', String(build.child.pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(Number(pid), 'SIGKILL');
    expect(await build.done).toBe(0);
    const report = JSON.parse(build.stdout()) as { pdf: { relaunches: number }; failed: unknown[] };
    expect(report.pdf.relaunches).toBeGreaterThanOrEqual(1);
    expect(report.failed).toEqual([]);
    const documents = await assertWhole(out);
    expect((await files(out)).filter((f) => f.endsWith('.pdf')).length).toBe(26);
    expect(documents).toBe(55);
  }, 180_000);

  it('a full disk gives a clear error, leaves no partial file and releases the lock', async () => {
    const mnt = await mkdtemp(path.join(os.tmpdir(), 'datalek-full-'));
    dirs.push(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=300k', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      console.warn('skipped: cannot mount a small tmpfs here (needs root)');
      return;
    }
    try {
      const out = path.join(mnt, 'output');
      const child = spawn(process.execPath, [BIN, 'build', '--root', REPO, '--out', out, '--now', NOW], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (b: Buffer) => void (stderr += b.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('the disk is full');
      expect(stderr).toContain('DL-BUILD-ENOSPC');
      expect(stderr).not.toMatch(/\n\s+at /);
      const left = await files(out);
      expect(left.filter((f) => f.endsWith('.datalek-tmp') || f.endsWith('.lock'))).toEqual([]);
      await assertWhole(out);
    } finally {
      execFileSync('umount', [mnt], { stdio: 'ignore' });
    }
  }, 120_000);
});
