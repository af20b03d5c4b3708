/**
 * The reading edge of validation: find incident and organisation files and read them as text.
 * Everything that can go wrong while reading (missing paths, unreadable or oversized files, bytes
 * that are not UTF-8) becomes a Diagnostic; nothing is thrown for a user's file.
 *
 * Layout of a project (paths relative to its root):
 *   templates/<org>/organisation.yaml   one per organisation; folder name = organisation id
 *   incidents/**\/*.yaml|yml             incidents, conventionally incidents/<org>/<id>.yaml
 *
 * Organisations are always read, whatever paths are given, because incidents need them.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { globby } from 'globby';
import type { Diagnostic } from '../model/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/catalogue.js';
import { compareText } from '../compare-text.js';
import { decodeUtf8 } from './utf8.js';

export type SourceKind = 'incident' | 'organisation';

export interface SourceFile {
  /** Relative to the project root, with forward slashes. */
  file: string;
  text: string;
  kind: SourceKind;
}

export interface ReadResult {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Files larger than this are reported and not read (an incident is a few kilobytes of text). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const INCIDENT_GLOB = 'incidents/**/*.{yaml,yml}';
const ORGANISATION_GLOB = 'templates/*/organisation.{yaml,yml}';
const ORGANISATION_FILE = /^templates\/[^/]+\/organisation\.ya?ml$/;
/** Top-level folders that never hold incidents, skipped when walking a folder given on the command line. */
const NOT_INCIDENTS = /^(templates|policy|output|schemas|node_modules|dist)\//;
const IGNORE = ['**/node_modules/**'];

/** Forward-slash path relative to root ("../x.yaml" for files outside it). */
function relative(root: string, abs: string): string {
  const rel = path.relative(root, abs).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

export function kindOf(file: string): SourceKind {
  return ORGANISATION_FILE.test(file) ? 'organisation' : 'incident';
}

interface Wanted {
  file: string;
  abs: string;
  kind: SourceKind;
}

async function collect(root: string, paths: string[] | undefined, diagnostics: Diagnostic[]): Promise<Wanted[]> {
  const found = new Map<string, Wanted>();
  const add = (abs: string, kind?: SourceKind) => {
    const file = relative(root, abs);
    if (!found.has(file)) found.set(file, { file, abs, kind: kind ?? kindOf(file) });
  };
  const globIn = (cwd: string, patterns: string[]) =>
    globby(patterns, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: IGNORE, followSymbolicLinks: true });

  for (const abs of await globIn(root, [ORGANISATION_GLOB])) add(abs, 'organisation');

  const given = (paths ?? []).filter((p) => p !== '');
  if (given.length === 0) {
    for (const abs of await globIn(root, [INCIDENT_GLOB])) add(abs);
    return [...found.values()];
  }

  for (const p of given) {
    const abs = path.resolve(root, p);
    const shown = relative(root, abs);
    let info;
    try {
      info = await stat(abs);
    } catch {
      diagnostics.push(makeDiagnostic('DL-LOAD-NOT-FOUND', { file: shown }));
      continue;
    }
    if (info.isDirectory()) {
      if (path.resolve(abs) === path.resolve(root)) {
        // The project itself: the same as giving no paths.
        for (const f of await globIn(root, [INCIDENT_GLOB])) add(f);
        continue;
      }
      let count = 0;
      for (const f of await globIn(abs, ['**/*.{yaml,yml}'])) {
        const file = relative(root, f);
        if (ORGANISATION_FILE.test(file)) {
          add(f, 'organisation');
          count++;
        } else if (!NOT_INCIDENTS.test(file)) {
          add(f);
          count++;
        }
      }
      if (count === 0) diagnostics.push(makeDiagnostic('DL-LOAD-NO-FILES', { file: shown }, { where: ' in this folder' }));
    } else if (!/\.ya?ml$/i.test(abs)) {
      diagnostics.push(makeDiagnostic('DL-LOAD-NOT-YAML', { file: shown }));
    } else {
      add(abs);
    }
  }
  return [...found.values()];
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * One path per real file. Links are followed (an office may link a shared folder in), so one file
 * can be reached along several paths, and a link back into its own folder makes a loop that globby
 * follows some forty levels deep: every path to the same file would be the same incident again
 * (and a duplicate id). The shortest path is kept (then the first by name).
 */
function onePathPerFile(wanted: Wanted[]): Wanted[] {
  const byReal = new Map<string, Wanted>();
  const shorter = (a: Wanted, b: Wanted): boolean => a.file.length < b.file.length || (a.file.length === b.file.length && a.file < b.file);
  for (const w of wanted) {
    let real: string;
    try {
      real = realpathSync(w.abs);
    } catch {
      real = w.abs; // gone since it was found: reading it will say so
    }
    const seen = byReal.get(real);
    if (!seen || shorter(w, seen)) byReal.set(real, w);
  }
  return [...byReal.values()];
}

/**
 * Reads one file. Synchronously on purpose: a project is a thousand files of a few kilobytes, and
 * reading them one after the other with the blocking calls took ~20 ms where the promise-based
 * ones, 32 at a time through libuv's thread pool, took 60-180 ms (nothing else runs meanwhile).
 */
function readOne(w: Wanted): SourceFile | Diagnostic {
  try {
    const info = statSync(w.abs);
    if (info.size > MAX_FILE_BYTES) {
      return makeDiagnostic('DL-LOAD-TOO-LARGE', { file: w.file }, { size: formatSize(info.size), limit: formatSize(MAX_FILE_BYTES) });
    }
    const bytes = readFileSync(w.abs);
    if (bytes.length > MAX_FILE_BYTES) {
      return makeDiagnostic('DL-LOAD-TOO-LARGE', { file: w.file }, { size: formatSize(bytes.length), limit: formatSize(MAX_FILE_BYTES) });
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      return makeDiagnostic('DL-LOAD-ENCODING', { file: w.file, line: decoded.line, column: decoded.column }, { detail: decoded.detail });
    }
    return { file: w.file, text: decoded.text, kind: w.kind };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason =
      e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'EISDIR'
          ? 'it is a folder'
          : e.code === 'ENOENT'
            ? 'it disappeared while reading'
            : (e.code ?? e.message);
    return makeDiagnostic('DL-LOAD-UNREADABLE', { file: w.file }, { reason });
  }
}

/**
 * Find and read the sources. `paths` (files or folders, relative to root or absolute) narrow the
 * incidents; without them every incident under incidents/ is read. Sources come back sorted by file.
 */
export async function readSources(root: string, paths?: string[]): Promise<ReadResult> {
  const absRoot = path.resolve(root);
  const diagnostics: Diagnostic[] = [];
  const wanted = onePathPerFile(await collect(absRoot, paths, diagnostics)).sort((a, b) => compareText(a.file, b.file));
  const sources: SourceFile[] = [];
  for (const w of wanted) {
    const r = readOne(w);
    if ('text' in r) sources.push(r);
    else diagnostics.push(r);
  }
  return { sources, diagnostics };
}
