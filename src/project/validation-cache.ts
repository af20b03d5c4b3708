/**
 * The validation cache on disk: the per-file results of validation (src/validate/file-cache.ts)
 * kept between runs, so an unchanged file is not parsed and checked again. It lives in the
 * output folder beside the build cache, as `.datalek-validation-cache.json`, and like the build
 * cache (src/build/cache.ts) a file of another format, of another tool version or environment,
 * or one that is damaged is ignored, never trusted; every entry is checked again when used (its
 * key, its checksum, its shape). Written atomically, and only when something changed; it holds
 * only the files of the last run (of every file, after a run over some paths only), so it never
 * grows with files that are gone.
 *
 * Layout: `{ format, tool, salt, entries: { <file>: { key, data, located, sum } } }`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { VERSION } from '../version.js';
import { writeFileAtomic } from '../build/write.js';
import { FileCheckCache, type StoredEntry } from '../validate/file-cache.js';

export const VALIDATION_CACHE_NAME = '.datalek-validation-cache.json';
/** Bump when the layout of the file changes. */
const CACHE_FORMAT = 1;

export interface ValidationCacheHandle {
  /** The folder the cache file lives in. */
  dir: string;
  cache: FileCheckCache;
  /** Why the file on disk was not used, when it was there but could not be trusted. */
  ignored: string | null;
}

let salt: string | undefined;

/**
 * What the per-file results depend on besides the tool's own code: Node (regular expressions,
 * Intl) and the libraries that parse YAML and check the schema. Part of every key.
 */
export function environmentSalt(): string {
  if (salt === undefined) {
    const require = createRequire(import.meta.url);
    const version = (name: string): string => {
      try {
        return String((require(`${name}/package.json`) as { version?: unknown }).version);
      } catch {
        return '?';
      }
    };
    salt = `node ${process.versions.node}; yaml ${version('yaml')}; ajv ${version('ajv')}; ajv-formats ${version('ajv-formats')}`;
  }
  return salt;
}

function isStoredEntry(v: unknown): v is StoredEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e['key'] === 'string' && typeof e['data'] === 'string' && typeof e['located'] === 'string' && typeof e['sum'] === 'string';
}

export interface LoadValidationCacheOptions {
  /** Keep the entries of files this run does not see (a run over some paths only). */
  keepUnseen?: boolean;
}

/** Reads the cache in `dir`; anything unexpected gives an empty cache and the reason. */
export async function loadValidationCache(dir: string, opts: LoadValidationCacheOptions = {}): Promise<ValidationCacheHandle> {
  const made = (entries: [string, StoredEntry][], ignored: string | null): ValidationCacheHandle => ({
    dir,
    cache: new FileCheckCache(entries, { salt: environmentSalt(), keepUnseen: opts.keepUnseen ?? false }),
    ignored,
  });
  let text: string;
  try {
    // One read of a few megabytes: the blocking call is quicker than the thread pool's round trips.
    text = readFileSync(path.join(dir, VALIDATION_CACHE_NAME), 'utf8');
  } catch {
    return made([], null);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return made([], 'damaged');
  }
  if (typeof parsed !== 'object' || parsed === null) return made([], 'damaged');
  const file = parsed as Record<string, unknown>;
  if (file['format'] !== CACHE_FORMAT || file['tool'] !== VERSION || file['salt'] !== environmentSalt()) {
    return made([], 'made by another version of datalek');
  }
  const entries = file['entries'];
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return made([], 'damaged');
  const kept: [string, StoredEntry][] = [];
  for (const [name, e] of Object.entries(entries)) if (isStoredEntry(e)) kept.push([name, e]);
  return made(kept, null);
}

/**
 * Writes the cache when it differs from what was loaded; true when written. `beforeWrite` runs
 * only then, just before (the build frees loading's garbage there).
 */
export async function saveValidationCache(handle: ValidationCacheHandle, opts: { beforeWrite?: () => void } = {}): Promise<boolean> {
  const current = handle.cache.entries();
  if (!handle.cache.changed(current)) return false;
  opts.beforeWrite?.();
  await writeFileAtomic(path.join(handle.dir, VALIDATION_CACHE_NAME), cacheText(current));
  return true;
}

/**
 * The file's text, entry by entry: the same characters as JSON.stringify of the whole object plus a
 * line break, without ever holding them all (tens of megabytes for 10,000 incidents; as one string
 * they took a build's peak from 526 to 715 MB).
 */
export function* cacheText(entries: Iterable<[string, StoredEntry]>): Generator<string> {
  yield `{"format":${CACHE_FORMAT},"tool":${JSON.stringify(VERSION)},"salt":${JSON.stringify(environmentSalt())},"entries":{`;
  let first = true;
  for (const [name, entry] of entries) {
    yield `${first ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(entry)}`;
    first = false;
  }
  yield '}}\n';
}
