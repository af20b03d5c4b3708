/**
 * Incremental builds: a document is rebuilt exactly when something that feeds it changed.
 * One full build, then one edit at a time, each followed by a build whose written files are
 * compared with the documents that edit feeds.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../../src/build/run.js';
import { CACHE_NAME } from '../../src/build/cache.js';

const REPO = path.resolve(__dirname, '../..');
const NOW = new Date('2026-11-22T12:00:00+01:00');
let root: string;
let out: string;
let all: string[];

const build = (extra: { force?: boolean; now?: Date } = {}): Promise<BuildResult> => runBuild({ root, outDir: out, now: NOW, env: {}, ...extra });
const written = (r: BuildResult): string[] => r.written.map((w) => w.path);

async function edit(rel: string, from: string | RegExp, to: string | ((match: string, ...groups: string[]) => string)): Promise<void> {
  const file = path.join(root, rel);
  const text = await readFile(file, 'utf8');
  const next = typeof to === "string" ? text.replace(from, to) : text.replace(from, to);
  expect(next, `edit of ${rel} found nothing to change`).not.toBe(text);
  await writeFile(file, next);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'datalek-incr-'));
  for (const dir of ['incidents', 'templates', 'packs']) await cp(path.join(REPO, dir), path.join(root, dir), { recursive: true });
  out = path.join(root, 'output');
  const first = await build();
  expect(first.failed).toEqual([]);
  all = written(first);
  expect(all.length).toBeGreaterThan(40);
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('incremental builds', () => {
  it('rebuilds nothing when nothing changed, and starts no Chromium', async () => {
    const r = await build();
    expect(written(r)).toEqual([]);
    expect(r.pdf).toBeNull();
    expect(r.upToDate.map((w) => w.path)).toEqual(all);
  });

  it('as the hours pass, rebuilds only documents that show them; each one rewritten has changed', async () => {
    const bytesOf = async (paths: string[]) => new Map(await Promise.all(paths.map(async (p) => [p, (await readFile(path.join(out, p))).toString('base64')] as const)));
    const before = await bytesOf(all);
    // An hour and a half later, the same day: the open incidents' triage changes (hours since
    // awareness), their letters do not show it, their draft notifications do.
    const later = await build({ now: new Date(NOW.getTime() + 90 * 60_000) });
    const changed = written(later);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((p) => /\/(brief|lettre)-/.test(p))).toEqual([]);
    const after = await bytesOf(changed);
    for (const p of changed) expect(after.get(p), `${p} was rewritten with the same bytes`).not.toBe(before.get(p));
    expect(written(await build({ now: new Date(NOW.getTime() + 90 * 60_000) }))).toEqual([]);
    // back at the first moment, the same documents are rebuilt, to the bytes they had
    const back = await build();
    expect(written(back)).toEqual(changed);
    for (const [p, b] of await bytesOf(changed)) expect(b, p).toBe(before.get(p));
  });

  it('an edited incident rebuilds its own documents and its organisation\'s register, nothing else', async () => {
    await edit('incidents/van-dam-advocaten/2026-004.yaml', /maar is niet teruggevonden|inloggegevens/, (m) => `${m} (aangevuld)`);
    const r = await build();
    const expected = all.filter((p) => p.startsWith('van-dam-advocaten/2026-004/') || p.startsWith('van-dam-advocaten/register.'));
    expect(written(r)).toEqual(expected);
  });

  it('an edited organisation config rebuilds that organisation\'s documents that show what changed, only', async () => {
    const phone = (number: string) => edit('templates/boekhouding-claes/organisation.yaml', `phone: ${number}`, `phone: ${number.replace(/\d$/, (d) => String((Number(d) + 1) % 10))}`);
    // The phone of the person who notifies the authority: the notifications and the register
    // show it; the letter to the people affected names the data protection officer instead.
    await phone('+32 9 555 01 23');
    const notifier = await build();
    const office = all.filter((p) => p.startsWith('boekhouding-claes/'));
    const letters = office.filter((p) => p.includes('/brief-betrokkene.'));
    expect(letters.length).toBeGreaterThan(0);
    expect(written(notifier)).toEqual(office.filter((p) => !letters.includes(p)));
    // The officer's phone is in the letter and the notifications, not in the register.
    await phone('+32 9 555 01 29');
    expect(written(await build())).toEqual(office.filter((p) => !p.includes('/register.')));
  });

  it('an edited template rebuilds exactly the documents rendered from it', async () => {
    // A federation template: van Dam extends packs/voorbeeld-federatie of the project.
    await edit('packs/voorbeeld-federatie/melding-verzekeraar.md', /\n/, '\n\n');
    const federation = await build();
    expect(written(federation)).toEqual(all.filter((p) => /\/melding-verzekeraar\.pdf$/.test(p)));
    // An office's own override of the default letter (Markdown only: its PDFs, not its DOCX).
    const builtIn = await readFile(path.join(REPO, 'packs/default/brief-betrokkene.md'), 'utf8');
    await writeFile(path.join(root, 'templates/boekhouding-claes/brief-betrokkene.md'), builtIn.replace(/\n/, '\n\n'));
    const office = await build();
    expect(written(office)).toEqual(all.filter((p) => /^boekhouding-claes\/.*\/brief-betrokkene\.pdf$/.test(p)));
  });

  it('a document changed or removed by hand is rebuilt; a comment in a file changes nothing', async () => {
    const target = all.find((p) => p.endsWith('/melding-ap.pdf'))!;
    await rm(path.join(out, target));
    await edit('incidents/assurantiekantoor-bosman/2026-102.yaml', /^/, '# alleen een opmerking\n');
    const r = await build();
    expect(written(r)).toEqual([target]);
  });

  it('a damaged cache is ignored and everything is rebuilt; --force rebuilds everything', async () => {
    await writeFile(path.join(out, CACHE_NAME), '{"format":1,"tool":');
    const r = await build();
    expect(r.cacheIgnored).toBe('damaged');
    expect(written(r)).toEqual(all);
    const forced = await build({ force: true });
    expect(written(forced)).toEqual(all);
  });

  it('remembers each incident\'s data digest by its inputs; a wrong memo makes documents rebuild, never skip, and the bytes stay right', async () => {
    const file = path.join(out, CACHE_NAME);
    const cache = JSON.parse(await readFile(file, 'utf8')) as { data: Record<string, string>; entries: Record<string, unknown> };
    // one memo per incident that has documents (same language and date for all its documents)
    const incidentsWithDocuments = new Set(all.filter((p) => p.split('/').length === 3).map((p) => p.split('/').slice(0, 2).join('/')));
    expect(Object.keys(cache.data).length).toBeGreaterThanOrEqual(incidentsWithDocuments.size);
    for (const v of Object.values(cache.data)) expect(v).toMatch(/^[0-9a-f]{64}$/);
    const before = new Map(await Promise.all(all.map(async (p) => [p, (await readFile(path.join(out, p))).toString('base64')] as const)));
    // every remembered digest replaced by another: every incident document's key changes
    const wrong = Object.fromEntries(Object.keys(cache.data).map((k) => [k, 'f'.repeat(64)]));
    await writeFile(file, JSON.stringify({ ...cache, data: wrong }));
    const r = await build();
    expect(r.cacheIgnored).toBeNull();
    expect(written(r)).toEqual(all.filter((p) => p.split('/').length === 3));
    for (const p of all) expect((await readFile(path.join(out, p))).toString('base64'), p).toBe(before.get(p));
    // a memo that is not a digest is dropped when the cache is read
    const now = JSON.parse(await readFile(file, 'utf8')) as typeof cache;
    await writeFile(file, JSON.stringify({ ...now, data: { ...now.data, nonsense: 'x', ['a'.repeat(64)]: 12 } }));
    const again = await build();
    expect(written(again)).toEqual([]);
    const kept = JSON.parse(await readFile(file, 'utf8')) as { data: Record<string, string> };
    expect(Object.keys(kept.data)).not.toContain('nonsense');
    expect(Object.keys(kept.data)).not.toContain('a'.repeat(64));
  });
});
