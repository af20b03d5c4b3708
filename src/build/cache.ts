/**
 * The build cache: for every document written, the key of what fed it (see prepareDocument) and
 * the size and modification time of each file written. A document is up to date when its key is
 * unchanged and its files are still exactly as written. The cache lives in the output folder;
 * a cache that is unreadable, of another version or of another tool version is ignored, never
 * trusted; a file changed or removed by hand is rebuilt.
 */
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './write.js';
import { compareText } from '../compare-text.js';

export const CACHE_NAME = '.datalek-build-cache.json';
const CACHE_FORMAT = 3;

/** One output file: the key of what fed it, and how it was left. */
export interface CacheEntry {
  key: string;
  size: number;
  mtimeMs: number;
}

export interface BuildCache {
  format: number;
  tool: string;
  /** Output path relative to the output folder (e.g. org/2026-004/brief-betrokkene.pdf) -> entry. */
  entries: Record<string, CacheEntry>;
  /** SHA-256 of what an incident document's data is made from -> SHA-256 of that data (see render-document.ts). */
  data: Record<string, string>;
}

export function emptyCache(): BuildCache {
  return { format: CACHE_FORMAT, tool: VERSION, entries: {}, data: {} };
}

function isEntry(v: unknown): v is CacheEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e['key'] === 'string' && typeof e['size'] === 'number' && typeof e['mtimeMs'] === 'number';
}

/** Reads the cache; anything unexpected gives an empty cache and the reason. */
export async function loadCache(outDir: string): Promise<{ cache: BuildCache; ignored: string | null; text?: string }> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, CACHE_NAME), 'utf8');
  } catch {
    return { cache: emptyCache(), ignored: null };
  }
  try {
    const parsed = JSON.parse(text) as Partial<BuildCache>;
    if (parsed.format !== CACHE_FORMAT || parsed.tool !== VERSION) return { cache: emptyCache(), ignored: 'made by another version of datalek' };
    if (typeof parsed.entries !== 'object' || parsed.entries === null) return { cache: emptyCache(), ignored: 'damaged' };
    const entries: Record<string, CacheEntry> = {};
    for (const [k, v] of Object.entries(parsed.entries)) if (isEntry(v)) entries[k] = v;
    const data: Record<string, string> = {};
    const digest = /^[0-9a-f]{64}$/;
    if (typeof parsed.data === 'object' && parsed.data !== null) {
      for (const [k, v] of Object.entries(parsed.data)) if (digest.test(k) && typeof v === 'string' && digest.test(v)) data[k] = v;
    }
    return { cache: { format: CACHE_FORMAT, tool: VERSION, entries, data }, ignored: null, text };
  } catch {
    return { cache: emptyCache(), ignored: 'damaged' };
  }
}

/**
 * True when the file was written from this key and is still exactly as it was left. A blocking
 * stat on purpose: a no-change build asks this for every file (2,758 for 1,000 incidents), and the
 * promise-based call, through libuv's thread pool, took ~100 ms where this takes ~15.
 */
export function isUpToDate(entry: CacheEntry | undefined, key: string, file: string): boolean {
  if (!entry || entry.key !== key) return false;
  const s = statSync(file, { throwIfNoEntry: false });
  return s !== undefined && s.isFile() && s.size === entry.size && s.mtimeMs === entry.mtimeMs;
}

export async function entryFor(key: string, file: string): Promise<CacheEntry> {
  const s = await stat(file);
  return { key, size: s.size, mtimeMs: s.mtimeMs };
}

/** The cache as written to disk (entries sorted, so the same cache gives the same bytes). */
export function serialiseCache(cache: BuildCache): string {
  const sorted = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => compareText(a, b)));
  return JSON.stringify({ ...cache, entries: sorted(cache.entries), data: sorted(cache.data) }) + '\n';
}

/** Writes the cache, atomically; not at all when `unchanged` is exactly what is there already. */
export async function saveCache(outDir: string, cache: BuildCache, unchanged?: string): Promise<void> {
  const text = serialiseCache(cache);
  if (text === unchanged) return;
  await writeFileAtomic(path.join(outDir, CACHE_NAME), text);
}
