/**
 * The validation cache on disk (src/project/validation-cache.ts): loadProject with a cache folder
 * gives the project it gives without one; a damaged cache, one of another version or another
 * environment is ignored; only the files of the run are kept; the build writes it beside its own
 * cache, and only when something changed.
 */
import { cp, mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../src/project/load.js';
import { cacheText, environmentSalt, loadValidationCache, saveValidationCache, VALIDATION_CACHE_NAME } from '../../src/project/validation-cache.js';
import { VERSION } from '../../src/version.js';
import { runBuild } from '../../src/build/run.js';

const REPO = path.resolve(__dirname, '../..');
const NOW = new Date('2026-11-22T12:00:00+01:00');
let root: string;
let cacheDir: string;
const cacheFile = () => path.join(cacheDir, VALIDATION_CACHE_NAME);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'datalek-vcache-'));
  for (const dir of ['incidents', 'templates']) await cp(path.join(REPO, dir), path.join(root, dir), { recursive: true });
  cacheDir = path.join(root, 'output');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What loadProject returns, less the cache handle. */
const plain = ({ validationCache: _, ...rest }: Project) => rest;
/** What each load told onSourcesRead: how many files the cache has no result for. */
const reported: number[] = [];
const load = (extra: { paths?: string[] } = {}) => loadProject({ root, now: NOW, cacheDir, onSourcesRead: (changed) => void reported.push(changed), ...extra });

async function savedFiles(): Promise<string[]> {
  return Object.keys((JSON.parse(await readFile(cacheFile(), 'utf8')) as { entries: Record<string, unknown> }).entries);
}

describe('loadProject with a cache folder', () => {
  it('gives the same project, cold and warm, and reads every unchanged file from the cache', async () => {
    const without = await loadProject({ root, now: NOW });
    expect(without.triaged.length).toBeGreaterThan(5);
    expect(without.validationCache).toBeUndefined();

    const cold = await load();
    expect(cold.validationCache?.ignored).toBeNull();
    expect(cold.validationCache?.cache.stats.hits).toBe(0);
    // Told before validating: every file is new to the cache, as validation then finds.
    expect(reported.at(-1)).toBe(cold.validationCache!.cache.stats.misses);
    expect(reported.at(-1)).toBeGreaterThan(5);
    expect(plain(cold)).toEqual(plain(without));
    // loadProject only reads the cache; saving is the caller's.
    await expect(stat(cacheFile())).rejects.toThrow();
    expect(await saveValidationCache(cold.validationCache!)).toBe(true);

    const warm = await load();
    const files = warm.validationCache!.cache.stats.hits;
    expect(files).toBeGreaterThan(5);
    expect(warm.validationCache!.cache.stats.misses).toBe(0);
    expect(reported.at(-1)).toBe(0);
    expect(plain(warm)).toEqual(plain(without));
    expect(JSON.stringify(plain(warm))).toBe(JSON.stringify(plain(without)));
    // Nothing changed: nothing written.
    const before = await stat(cacheFile());
    expect(await saveValidationCache(warm.validationCache!)).toBe(false);
    expect((await stat(cacheFile())).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.datalek-tmp'))).toEqual([]);
  });

  it('an edited incident is read again; its new content is what the project holds', async () => {
    const rel = 'incidents/van-dam-advocaten/2026-004.yaml';
    const text = await readFile(path.join(root, rel), 'utf8');
    await writeFile(path.join(root, rel), text.replace(/^title: .*$/m, 'title: Een andere titel'));
    try {
      const p = await load();
      expect(p.validationCache!.cache.stats.misses).toBe(1);
      expect(reported.at(-1)).toBe(1);
      expect(p.triaged.find((t) => t.file === rel)!.incident.title).toBe('Een andere titel');
      expect(plain(p)).toEqual(plain(await loadProject({ root, now: NOW })));
      await saveValidationCache(p.validationCache!);
    } finally {
      await writeFile(path.join(root, rel), text);
    }
    const back = await load();
    expect(back.validationCache!.cache.stats.misses).toBe(1);
    await saveValidationCache(back.validationCache!);
  });

  it('a damaged cache file is ignored, and replaced by a good one', async () => {
    const good = await readFile(cacheFile(), 'utf8');
    for (const [bad, reason] of [
      [good.slice(0, good.length / 2), 'damaged'],
      ['', 'damaged'],
      ['[1, 2]', 'made by another version of datalek'],
      [good.replace(/"entries":\{/, '"entries":7,"x":{'), 'damaged'],
    ] as const) {
      await writeFile(cacheFile(), bad);
      const p = await load();
      expect(p.validationCache!.ignored, bad.slice(0, 40)).toBe(reason);
      expect(p.validationCache!.cache.stats.hits).toBe(0);
      expect(plain(p)).toEqual(plain(await loadProject({ root, now: NOW })));
    }
    const p = await load();
    expect(await saveValidationCache(p.validationCache!)).toBe(true);
    expect((await load()).validationCache!.cache.stats.misses).toBe(0);
  });

  it('a cache of another tool version, format or environment is ignored', async () => {
    const good = JSON.parse(await readFile(cacheFile(), 'utf8')) as Record<string, unknown>;
    for (const change of [{ tool: '0.0.1' }, { format: 99 }, { salt: 'node 0.1; yaml 0.1' }]) {
      await writeFile(cacheFile(), JSON.stringify({ ...good, ...change }));
      const p = await load();
      expect(p.validationCache!.ignored, JSON.stringify(change)).toBe('made by another version of datalek');
      expect(p.validationCache!.cache.stats.hits).toBe(0);
    }
    await writeFile(cacheFile(), JSON.stringify(good));
    expect((await load()).validationCache!.ignored).toBeNull();
  });

  it('an entry whose key is not that of its file is not used (entries swapped between two files)', async () => {
    const good = JSON.parse(await readFile(cacheFile(), 'utf8')) as { entries: Record<string, unknown> };
    const a = 'incidents/van-dam-advocaten/2026-004.yaml';
    const b = 'incidents/van-dam-advocaten/2026-006.yaml';
    expect(good.entries[a]).toBeDefined();
    expect(good.entries[b]).toBeDefined();
    await writeFile(cacheFile(), JSON.stringify({ ...good, entries: { ...good.entries, [a]: good.entries[b], [b]: good.entries[a] } }));
    const p = await load();
    expect(p.validationCache!.cache.stats.misses).toBe(2);
    expect(plain(p)).toEqual(plain(await loadProject({ root, now: NOW })));
    await saveValidationCache(p.validationCache!);
  });

  it('keeps the files of the run only; a run over some paths keeps the others too', async () => {
    const all = await savedFiles();
    const gone = 'incidents/van-dam-advocaten/2026-006.yaml';
    expect(all).toContain(gone);
    const text = await readFile(path.join(root, gone), 'utf8');

    const some = await load({ paths: ['incidents/van-dam-advocaten/2026-004.yaml'] });
    expect(some.validationCache!.cache.stats.misses).toBe(0);
    await saveValidationCache(some.validationCache!);
    expect(await savedFiles()).toEqual(all);

    await unlink(path.join(root, gone));
    try {
      const p = await load();
      expect(await saveValidationCache(p.validationCache!)).toBe(true);
      expect(await savedFiles()).toEqual(all.filter((f) => f !== gone));
    } finally {
      await writeFile(path.join(root, gone), text);
    }
  });

  it('loadValidationCache of a folder that does not exist is an empty cache, nothing ignored', async () => {
    const h = await loadValidationCache(path.join(root, 'nope'));
    expect(h.ignored).toBeNull();
    expect(h.cache.entries()).toEqual([]);
  });
});

describe('the build', () => {
  it('writes the validation cache beside its own cache, and again only when a file changed', { timeout: 120_000 }, async () => {
    const out = path.join(root, 'build-out');
    const build = () => runBuild({ root, outDir: out, now: NOW, env: {}, paths: ['incidents/van-dam-advocaten/2026-004.yaml'] });
    const first = await build();
    expect(first.failed).toEqual([]);
    const file = path.join(out, VALIDATION_CACHE_NAME);
    const written = await stat(file);
    expect((await loadValidationCache(out)).ignored).toBeNull();
    const saved = Object.keys((JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> }).entries);
    expect(saved).toContain('incidents/van-dam-advocaten/2026-004.yaml');
    expect(saved).toContain('templates/van-dam-advocaten/organisation.yaml');

    const second = await build();
    expect(second.written).toEqual([]);
    expect((await stat(file)).mtimeMs).toBe(written.mtimeMs);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });
});

describe('the cache file as text', () => {
  it('is written piece by piece as exactly the JSON of the whole file', () => {
    const entry = (i: number) => ({ key: 'k'.repeat(64), data: JSON.stringify({ diagnostics: [], value: { titel: `Lek "${i}" – één` } }), located: '[]', sum: String(i) });
    for (const n of [0, 1, 3]) {
      const entries = Array.from({ length: n }, (_, i) => [`incidents/kantoor-a/2026-00${i}.yaml`, entry(i)] as [string, ReturnType<typeof entry>]);
      const whole = JSON.stringify({ format: 1, tool: VERSION, salt: environmentSalt(), entries: Object.fromEntries(entries) }) + '\n';
      expect([...cacheText(entries)].join('')).toBe(whole);
    }
  });
});
