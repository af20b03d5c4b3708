/**
 * A per-file cache for the per-file half of validation (./file-check.ts): what a file's own
 * checks found (its diagnostics and, when it has no error of its own, its parsed value), keyed
 * by everything that result depends on. A file whose text is unchanged is then not parsed, not
 * checked against the schema and not walked for bad characters again.
 *
 * The key of a source is a SHA-256 over: the cache format (FILE_CACHE_FORMAT), the tool's
 * VERSION, a salt from the caller (versions of Node and of the parsing libraries: what the tool
 * version does not show), a fingerprint of the schema of the file's kind, the file's relative
 * path, its kind and its text (exactly: see sha256 below). Every input
 * of checkFile is in it; checkFile reads nothing else (no clock, no other file).
 *
 * Never trusted blindly:
 * - an entry is used only when its key is exactly the key of the source at hand;
 * - each entry carries a checksum over what it holds: a damaged entry is not used;
 * - what it holds must have the expected shape, and be consistent (a value only without errors);
 * - a value is cached only when a JSON round trip gives it back exactly (plain objects, dense
 *   arrays, strings, booleans, null, finite numbers other than -0, no value reached twice as
 *   YAML aliases make it): otherwise the file is simply checked again each time.
 *
 * On a hit the YAML is not parsed. The rules still need source positions for what they report;
 * the entry remembers the positions rules asked for in earlier runs, and any other position is
 * found by parsing the text then (once per file). Positions are a function of the text alone,
 * which the key covers.
 *
 * Entries are kept as the strings that are stored (`data`, `located`), never as the live objects
 * handed to the rules and triage: whatever later code does with those objects, what is written
 * back is exactly what was checked.
 *
 * Pure: no file system (loading and saving the cache file is src/project/validation-cache.ts).
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceFile } from '../load/sources.js';
import { VERSION } from '../version.js';
import type { FileCheck } from './file-check.js';
import type { FieldPath } from './paths.js';
import { parseSource, type Anchor, type Locate, type Position } from './yaml.js';
import { compareText } from '../compare-text.js';

/** Bump when the per-file checks or the entry layout change in a way VERSION does not show. */
export const FILE_CACHE_FORMAT = 1;

/** One file's entry as stored. Strings only: what was stored is what is written back. */
export interface StoredEntry {
  /** fileKey() of the source the entry was made from. */
  key: string;
  /** JSON of `{ diagnostics, value? }`: the file's own diagnostics, and its value when it has no error. */
  data: string;
  /** JSON of `[[where, line, column], ...]`: positions the rules asked for (where = anchor + path). */
  located: string;
  /** SHA-256 over key, data and located. */
  sum: string;
}

export interface FileCacheOptions {
  /**
   * Part of every key, for what the tool version does not show: e.g. the versions of Node and of
   * the YAML and JSON Schema libraries. Entries made with another salt are not used.
   */
  salt?: string;
  /**
   * Keep the stored entries of files not seen in this run (a run over some paths only); without
   * it only the files of this run are kept, so the cache never holds files that are gone.
   */
  keepUnseen?: boolean;
}

export interface FileCacheStats {
  /** Files whose result came from the cache. */
  hits: number;
  /** Files checked (no entry, another key, or a damaged entry). */
  misses: number;
  /** Of the misses: files whose result cannot be stored exactly, so not cached. */
  uncacheable: number;
  /** Cached files that were parsed after all, for a position no earlier run had asked for. */
  parsedForPositions: number;
}

const isWellFormed = (s: string): boolean => (s as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !/[\ud800-\udfff]/.test(s);

/**
 * SHA-256 over strings, each framed by its length, so no two lists of strings share a hash. A
 * well-formed string is hashed as UTF-8 (half the bytes of UTF-16 for most text); one with a lone
 * surrogate (which UTF-8 would turn into U+FFFD, like any other) as its UTF-16 code units.
 */
const sha256 = (...parts: string[]): string => {
  const h = createHash('sha256');
  for (const p of parts) {
    const utf8 = isWellFormed(p);
    h.update(`${utf8 ? 'u8' : 'u16'}:${p.length}:`);
    h.update(p, utf8 ? 'utf8' : 'utf16le');
  }
  return h.digest('hex');
};

const fingerprints = new WeakMap<object, string>();

/** SHA-256 of the schema's JSON, computed once per schema object. */
export function schemaFingerprint(schema: object): string {
  let f = fingerprints.get(schema);
  if (f === undefined) {
    f = sha256(JSON.stringify(schema));
    fingerprints.set(schema, f);
  }
  return f;
}

/** The cache key of a source checked against `schema`. */
export function fileKey(source: SourceFile, schema: object, salt = ''): string {
  return sha256(JSON.stringify([FILE_CACHE_FORMAT, VERSION, salt, schemaFingerprint(schema), source.file, source.kind]), source.text);
}

function entrySum(key: string, data: string, located: string): string {
  return sha256(key, data, located);
}

/**
 * True when JSON.parse(JSON.stringify(v)) gives back exactly `v`: plain objects (prototype
 * Object.prototype, own enumerable string keys only), dense plain arrays, strings, booleans,
 * null and finite numbers other than -0; and no object or array reached twice (YAML aliases share
 * one object, which a round trip would turn into copies). Iterative: deep values do not overflow.
 */
export function isJsonExact(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    switch (typeof v) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(v) || Object.is(v, -0)) return false;
        continue;
      case 'object': {
        if (v === null) continue;
        if (seen.has(v)) return false;
        seen.add(v);
        if (Object.getOwnPropertySymbols(v).length > 0) return false;
        const names = Object.getOwnPropertyNames(v);
        if (Array.isArray(v)) {
          if (Object.getPrototypeOf(v) !== Array.prototype) return false;
          // Own names of a dense plain array: its indices and `length`, nothing else.
          if (names.length !== v.length + 1) return false;
          for (let i = 0; i < v.length; i++) {
            if (!Object.hasOwn(v, i)) return false;
            stack.push(v[i]);
          }
          continue;
        }
        if (Object.getPrototypeOf(v) !== Object.prototype) return false;
        for (const name of names) {
          const d = Object.getOwnPropertyDescriptor(v, name)!;
          if (!d.enumerable || !('value' in d)) return false; // hidden or a getter
          stack.push(d.value);
        }
        continue;
      }
      default:
        return false; // undefined, bigint, function, symbol
    }
  }
  return true;
}

function isPosition(v: unknown): v is [string, number, number] {
  return Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && Number.isInteger(v[1]) && Number.isInteger(v[2]);
}

function isDiagnostic(v: unknown, file: string): v is Diagnostic {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  if (typeof d['code'] !== 'string' || (d['severity'] !== 'error' && d['severity'] !== 'warning') || d['file'] !== file) return false;
  if (!Number.isInteger(d['line']) || !Number.isInteger(d['column']) || typeof d['field'] !== 'string' || typeof d['message'] !== 'string') return false;
  if (d['hint'] !== undefined && typeof d['hint'] !== 'string') return false;
  const r = d['redacted'];
  if (r !== undefined) {
    if (typeof r !== 'object' || r === null) return false;
    const rr = r as Record<string, unknown>;
    if (typeof rr['message'] !== 'string' || (rr['hint'] !== undefined && typeof rr['hint'] !== 'string')) return false;
  }
  return true;
}

/** Where a position is asked: the anchor and the path, as one string. */
const whereKey = (path: FieldPath, anchor: Anchor): string => `${anchor}\0${JSON.stringify(path)}`;

interface Slot {
  /** The entry as loaded or as made in this run (`located` may be outdated: see `grown`). */
  entry: StoredEntry;
  /** Positions known for this file, read from `entry.located` on first use. */
  positions: Map<string, [number, number]> | undefined;
  /** Positions were added in this run: `located` and `sum` must be written anew. */
  grown: boolean;
}

function readPositions(located: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  try {
    const list: unknown = JSON.parse(located);
    if (Array.isArray(list)) for (const p of list) if (isPosition(p)) out.set(p[0], [p[1], p[2]]);
  } catch {
    // covered by the checksum; an unreadable list is just empty
  }
  return out;
}

export class FileCheckCache {
  readonly stats: FileCacheStats = { hits: 0, misses: 0, uncacheable: 0, parsedForPositions: 0 };
  private readonly stored: ReadonlyMap<string, StoredEntry>;
  private readonly salt: string;
  private readonly keepUnseen: boolean;
  /** Files of this run that have an entry to keep. */
  private readonly slots = new Map<string, Slot>();
  /** Every file of this run, cached or not. */
  private readonly seen = new Set<string>();

  /** `stored`: entries by file, as loaded (they are checked when used, not here). */
  constructor(stored: Iterable<readonly [string, StoredEntry]> = [], opts: FileCacheOptions = {}) {
    this.stored = new Map(stored);
    this.salt = opts.salt ?? '';
    this.keepUnseen = opts.keepUnseen ?? false;
  }

  /**
   * Keys worked out in this run, by source: a build asks for each file's key twice (to count the
   * changed files before validating, then to validate), and a key hashes the whole text.
   */
  private readonly keys = new WeakMap<SourceFile, { schema: object; file: string; kind: string; text: string; key: string }>();

  /** The key of `source` checked against `schema`. */
  key(source: SourceFile, schema: object): string {
    const known = this.keys.get(source);
    if (known && known.schema === schema && known.file === source.file && known.kind === source.kind && known.text === source.text) return known.key;
    const key = fileKey(source, schema, this.salt);
    this.keys.set(source, { schema, file: source.file, kind: source.kind, text: source.text, key });
    return key;
  }

  /** Whether there is an entry for `source` under `key` (not yet checked for damage: see get). */
  has(source: SourceFile, key: string): boolean {
    return this.stored.get(source.file)?.key === key;
  }

  /**
   * The per-file result for `source` from its entry, or undefined when there is none for this
   * key or the entry is damaged (then the caller checks the file and calls `put`).
   */
  get(source: SourceFile, key: string): FileCheck | undefined {
    const entry = this.stored.get(source.file);
    if (!entry || entry.key !== key) return undefined;
    if (entrySum(entry.key, entry.data, entry.located) !== entry.sum) return undefined;
    let payload: unknown;
    try {
      payload = JSON.parse(entry.data);
    } catch {
      return undefined;
    }
    if (typeof payload !== 'object' || payload === null) return undefined;
    const { diagnostics, value } = payload as { diagnostics?: unknown; value?: unknown };
    const hasValue = Object.hasOwn(payload, 'value');
    if (!Array.isArray(diagnostics) || !diagnostics.every((d) => isDiagnostic(d, source.file))) return undefined;
    // A value is stored exactly when the file has no error of its own.
    if (hasValue === diagnostics.some((d: Diagnostic) => d.severity === 'error')) return undefined;

    const slot: Slot = { entry, positions: undefined, grown: false };
    this.seen.add(source.file);
    this.slots.set(source.file, slot);
    this.stats.hits++;
    if (!hasValue) return { diagnostics };

    let parsed: Locate | undefined;
    const locate: Locate = (path, anchor = 'value') => {
      const where = whereKey(path, anchor);
      const positions = (slot.positions ??= readPositions(entry.located));
      const known = positions.get(where);
      if (known) return { line: known[0], column: known[1] };
      if (!parsed) {
        const again = parseSource(source.file, source.text);
        // Cannot happen while the key covers the text: say so rather than point anywhere.
        if (!again.ok) throw new Error(`the validation cache entry of ${source.file} does not match its text`);
        parsed = again.parsed.locate;
        this.stats.parsedForPositions++;
      }
      const p: Position = parsed(path, anchor);
      positions.set(where, [p.line, p.column]);
      slot.grown = true;
      return p;
    };
    return { diagnostics, checked: { value, locate } };
  }

  /**
   * Remember what checkFile found for `source` (when it can be stored exactly). Returns the
   * check to use: the same, with a `locate` that remembers the positions rules ask for.
   */
  put(source: SourceFile, key: string, check: FileCheck): FileCheck {
    this.stats.misses++;
    this.seen.add(source.file);
    const payload = check.checked ? { diagnostics: check.diagnostics, value: check.checked.value } : { diagnostics: check.diagnostics };
    if (!isJsonExact(payload)) {
      this.stats.uncacheable++;
      this.slots.delete(source.file);
      return check;
    }
    const positions = new Map<string, [number, number]>();
    const slot: Slot = { entry: { key, data: JSON.stringify(payload), located: '[]', sum: '' }, positions, grown: true };
    this.slots.set(source.file, slot);
    if (!check.checked) return check;
    const real = check.checked.locate;
    const locate: Locate = (path, anchor = 'value') => {
      const where = whereKey(path, anchor);
      const known = positions.get(where);
      if (known) return { line: known[0], column: known[1] };
      const p = real(path, anchor);
      positions.set(where, [p.line, p.column]);
      slot.grown = true;
      return p;
    };
    return { diagnostics: check.diagnostics, checked: { value: check.checked.value, locate } };
  }

  /** The entries to store, sorted by file: one per file of this run (and, with keepUnseen, the others loaded). */
  entries(): [string, StoredEntry][] {
    const out = new Map<string, StoredEntry>();
    if (this.keepUnseen) for (const [file, e] of this.stored) if (!this.seen.has(file)) out.set(file, e);
    for (const [file, slot] of this.slots) {
      if (slot.grown) {
        const located = JSON.stringify([...(slot.positions ?? readPositions(slot.entry.located))].map(([where, [line, column]]) => [where, line, column]));
        slot.entry = { key: slot.entry.key, data: slot.entry.data, located, sum: entrySum(slot.entry.key, slot.entry.data, located) };
        slot.grown = false;
      }
      out.set(file, slot.entry);
    }
    return [...out].sort(([a], [b]) => compareText(a, b));
  }

  /** True when entries() (or `now`, entries() already taken) differs from what was loaded (so the cache is worth writing). */
  changed(now: [string, StoredEntry][] = this.entries()): boolean {
    if (now.length !== this.stored.size) return true;
    return now.some(([file, e]) => this.stored.get(file) !== e);
  }
}
