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
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1.
 * (TextDecoder's fatal mode says only that the input is bad, not where.)
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (len = 2), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (len = 3), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (len = 4), (min = 0x10000);
    else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/**
 * UTF-16 without a byte-order mark: ASCII text then has a NUL byte in every other position. Such
 * a file is valid UTF-8 (NUL is a character) and would be read as one line of letters and NULs.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= (n / 2) * 0.4;
}

export type Decoded = { ok: true; text: string } | { ok: false; line: number; column: number; detail: string };

/** Decode UTF-8 strictly; strip a byte-order mark; say where the first bad byte is. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) {
    return { ok: false, line: 0, column: 0, detail: ': it looks like UTF-16' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: true keeps a second BOM visible; the first one was taken off above.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(body));
    const before = new TextDecoder('utf-8').decode(body.subarray(0, at));
    const lines = before.split('\n');
    const last = lines[lines.length - 1] ?? '';
    const byte = body[at] ?? 0;
    return {
      ok: false,
      line: lines.length,
      column: [...last].length + 1,
      detail: ` (byte 0x${byte.toString(16).padStart(2, '0').toUpperCase()}; perhaps saved as Windows-1252 or Latin-1)`,
    };
  }
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
  const wanted = onePathPerFile(await collect(absRoot, paths, diagnostics)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const sources: SourceFile[] = [];
  for (const w of wanted) {
    const r = readOne(w);
    if ('text' in r) sources.push(r);
    else diagnostics.push(r);
  }
  return { sources, diagnostics };
}
