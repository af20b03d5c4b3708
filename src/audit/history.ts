/**
 * The git history of an incident file (IO): who changed it and when, as git recorded it. Offices
 * keep their incidents in a git repository of their own; an auditor wants to see that a decision
 * was written down in time and not rewritten afterwards.
 *
 * git runs only when the project folder lies in a git work tree, with a time limit, without
 * taking optional locks, and with settings that make its output independent of the user's
 * configuration (no signatures, no mailmap, UTF-8).
 */
import { execFile } from 'node:child_process';

export interface Commit {
  hash: string;
  authorName: string;
  authorEmail: string;
  /** Author date, strict ISO-8601 with the author's UTC offset. */
  authorDate: string;
  subject: string;
}

/**
 * committed: the file is in git and unchanged since its last commit; modified: in git, with
 * changes not yet committed; untracked: in the work tree but never committed; not-in-git: the
 * project is not in a git work tree; unavailable: git could not be asked (see the note).
 */
export type HistoryState = 'committed' | 'modified' | 'untracked' | 'not-in-git' | 'unavailable';

export interface FileHistory {
  state: HistoryState;
  /** Newest first, following renames. */
  commits: Commit[];
  /** A sentence (Dutch, for the pack's readers) when the list is empty or incomplete. */
  note: string | null;
}

export type GitAvailability = { inGit: true } | { inGit: false; state: 'not-in-git' | 'unavailable'; note: string };

export interface GitOptions {
  /** Milliseconds per git call. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const CONFIG = ['-c', 'log.showSignature=false', '-c', 'log.mailmap=false', '-c', 'i18n.logOutputEncoding=UTF-8', '-c', 'core.quotePath=false'];
const FIELD = '\x1f';
const RECORD = '\x1e';

interface GitRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** ENOENT when git is not installed, ETIMEDOUT when it took too long. */
  code?: string;
}

function git(cwd: string, args: string[], opts: GitOptions): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...CONFIG, ...args],
      {
        cwd,
        timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true,
        env: { ...(opts.env ?? process.env), GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { killed?: boolean }) | null;
        const code = e ? (e.killed ? 'ETIMEDOUT' : typeof e.code === 'string' ? e.code : undefined) : undefined;
        resolve({ ok: !e, stdout: String(stdout ?? ''), stderr: String(stderr ?? ''), ...(code ? { code } : {}) });
      },
    );
  });
}

function unavailable(run: GitRun): string {
  if (run.code === 'ENOENT') return 'git is niet geïnstalleerd; de geschiedenis van het bestand kon niet worden opgevraagd.';
  if (run.code === 'ETIMEDOUT') return 'git gaf niet op tijd antwoord; de geschiedenis van het bestand kon niet worden opgevraagd.';
  const first = run.stderr.split('\n').find((l) => l.trim() !== '') ?? 'onbekende fout';
  return `git kon de geschiedenis niet geven: ${first.trim()}`;
}

/** Whether the project folder lies in a git work tree. */
export async function gitAvailability(root: string, opts: GitOptions = {}): Promise<GitAvailability> {
  const run = await git(root, ['rev-parse', '--is-inside-work-tree'], opts);
  if (run.ok && run.stdout.trim() === 'true') return { inGit: true };
  if (run.ok || /not a git repository/i.test(run.stderr)) {
    return { inGit: false, state: 'not-in-git', note: 'Het project staat niet in een git-repository; van dit bestand is geen geschiedenis bekend.' };
  }
  return { inGit: false, state: 'unavailable', note: unavailable(run) };
}

/** The history of one file, relative to the project root (forward slashes). */
export async function fileHistory(root: string, file: string, availability: GitAvailability, opts: GitOptions = {}): Promise<FileHistory> {
  if (!availability.inGit) return { state: availability.state, commits: [], note: availability.note };
  const format = ['%H', '%an', '%ae', '%aI', '%s'].join('%x1f') + '%x1e';
  const log = await git(root, ['log', '--follow', '--no-color', `--format=${format}`, '--', file], opts);
  if (!log.ok) return { state: 'unavailable', commits: [], note: unavailable(log) };
  const commits: Commit[] = [];
  for (const record of log.stdout.split(RECORD)) {
    const fields = record.replace(/^\n/, '').split(FIELD);
    if (fields.length < 5) continue;
    const [hash, authorName, authorEmail, authorDate, ...subject] = fields;
    commits.push({ hash: hash!, authorName: authorName!, authorEmail: authorEmail!, authorDate: authorDate!, subject: subject.join(FIELD) });
  }
  const status = await git(root, ['status', '--porcelain=v1', '--untracked-files=all', '--', file], opts);
  if (!status.ok) return { state: 'unavailable', commits, note: unavailable(status) };
  const flags = status.stdout.slice(0, 2);
  if (commits.length === 0 || flags === '??') {
    return { state: 'untracked', commits, note: 'Dit bestand is (nog) niet in git vastgelegd; er is geen geschiedenis.' };
  }
  if (status.stdout.trim() !== '') {
    return {
      state: 'modified',
      commits,
      note: 'Dit bestand heeft wijzigingen die nog niet in git zijn vastgelegd: het pakket bevat de huidige inhoud, niet die van de laatste commit.',
    };
  }
  return { state: 'committed', commits, note: null };
}
