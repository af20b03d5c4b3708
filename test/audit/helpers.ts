/** Shared helpers of the audit-pack tests: in-process CLI runs, temporary projects and git. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A small project: van Dam Advocaten (extending the example federation pack) with incidents 2026-001, -004 and -006. */
export const PROJECT = path.join(REPO, 'test/fixtures/audit/project');
export const NOW = '2026-11-22T12:00:00+01:00';
export const ORG = 'van-dam-advocaten';

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

export async function run(argv: string[], cwd: string): Promise<RunResult> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

const temps: string[] = [];

export function tempDir(prefix = 'datalek-audit-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function cleanTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A copy of the fixture project in a fresh temporary folder (outside any git work tree). */
export function tempProject(): string {
  const root = tempDir();
  cpSync(PROJECT, root, { recursive: true });
  return root;
}

/** Environment for git in tests: never look above the temporary folder, no user or system config. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CEILING_DIRECTORIES: path.dirname(os.tmpdir()),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Run git in `cwd` as a given author, at a given date. */
export function git(cwd: string, args: string[], who?: { name: string; email: string; date: string }): string {
  const config = who ? ['-c', `user.name=${who.name}`, '-c', `user.email=${who.email}`] : [];
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...config, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...GIT_ENV, ...(who ? { GIT_AUTHOR_DATE: who.date, GIT_COMMITTER_DATE: who.date } : {}) },
  });
}
