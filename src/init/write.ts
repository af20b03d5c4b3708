/**
 * Writing a new office repository (IO): all files or none. Every target is checked first; if any
 * exists (a file, a folder or a link by that name), nothing is written. Files are then created
 * exclusively (`wx`), so a file appearing in between is never overwritten either: the files
 * written so far are removed again and the clash reported.
 */
import { execFile } from 'node:child_process';
import { chmod, lstat, mkdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfficeFile } from './files.js';

export type WriteResult = { ok: true; written: string[] } | { ok: false; existing: string[] };

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file, so the path cannot be created either.
    return code !== 'ENOENT';
  }
}

export async function existingFiles(dir: string, files: ReadonlyMap<string, OfficeFile>): Promise<string[]> {
  const found: string[] = [];
  for (const rel of files.keys()) if (await exists(path.join(dir, ...rel.split('/')))) found.push(rel);
  return found;
}

export async function writeOffice(dir: string, files: ReadonlyMap<string, OfficeFile>): Promise<WriteResult> {
  const existing = await existingFiles(dir, files);
  if (existing.length) return { ok: false, existing };
  const written: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const [rel, f] of files) {
      const abs = path.join(dir, ...rel.split('/'));
      const parent = path.dirname(abs);
      const made = await mkdir(parent, { recursive: true });
      if (made) createdDirs.push(made);
      await writeFile(abs, f.text, { flag: 'wx', mode: f.mode ?? 0o644 });
      written.push(rel);
      // The umask may have taken the executable bits off.
      if (f.mode !== undefined) await chmod(abs, f.mode);
    }
  } catch (e) {
    for (const rel of written) await rm(path.join(dir, ...rel.split('/')), { force: true });
    // Folders we created, deepest first, and only when empty: never anything someone else put there.
    const ours = (d: string) => createdDirs.some((c) => d === c || d.startsWith(c + path.sep));
    const folders = new Set<string>();
    for (const rel of files.keys()) {
      for (let d = path.dirname(path.join(dir, ...rel.split('/'))); ours(d); d = path.dirname(d)) folders.add(d);
    }
    for (const d of [...folders].sort((a, b) => b.length - a.length)) await rmdir(d).catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, existing: await existingFiles(dir, files) };
    throw e;
  }
  return { ok: true, written };
}

/** Whether dir is the top of a git working tree (has .git). */
export async function isGitRepository(dir: string): Promise<boolean> {
  try {
    await stat(path.join(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** `git config core.hooksPath .githooks` in dir; the reason when it did not work. */
export function useHooksPath(dir: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'core.hooksPath', '.githooks'], { cwd: dir, timeout: 10_000 }, (err, _out, stderr) => {
      if (!err) resolve({ ok: true });
      else resolve({ ok: false, reason: (stderr || err.message).trim().split('\n')[0] ?? 'git failed' });
    });
  });
}
