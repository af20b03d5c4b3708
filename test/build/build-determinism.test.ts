/**
 * Same inputs, same bytes: two builds of the examples into two folders (one in this process, one
 * through the real binary in another time zone) give identical files; with SOURCE_DATE_EPOCH the
 * PDF dates and the zip entry dates follow it; and a build never writes to the incident files.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildResult } from '../../src/build/run.js';
import {
  NOW,
  NOW_ISO,
  cleanTemp,
  copyExamples,
  ensureBuilt,
  hashTree,
  listFiles,
  pdfInfo,
  spawnDatalek,
  tempDir,
  zipEntryDosDates,
  type Spawned,
} from '../fixtures/build/support.js';

/** 2026-05-28T20:26:40Z: even seconds, so the zip (DOS) time can hold it exactly. */
const EPOCH = 1780000000;
const EPOCH_ISO = '2026-05-28T20:26:40';

/** The documents of an output folder (not the build's own dot-files, such as a cache). */
const documents = (dir: string) => listFiles(dir).filter((f) => !f.split('/').some((s) => s.startsWith('.')));

let root: string;
let outA: string;
let outB: string;
let outC: string;
let a: BuildResult;
let b: Spawned;
let c: Spawned;
let inputsBefore: Record<string, string>;
let mtimesBefore: Record<string, number>;
let inputsAfter: Record<string, string>;
let mtimesAfter: Record<string, number>;

const mtimes = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, statSync(path.join(dir, f)).mtimeMs]));

beforeAll(async () => {
  ensureBuilt();
  root = copyExamples();
  outA = tempDir('datalek-build-a-');
  outB = tempDir('datalek-build-b-');
  outC = tempDir('datalek-build-c-');
  inputsBefore = hashTree(path.join(root, 'incidents'));
  mtimesBefore = mtimes(path.join(root, 'incidents'));
  const env = { ...process.env };
  delete env['SOURCE_DATE_EPOCH'];
  a = await runBuild({ root, outDir: outA, now: NOW, env });
  // the binary, from inside the project, in a time zone far from Europe and without SOURCE_DATE_EPOCH
  b = await spawnDatalek(['build', '--now', NOW_ISO, '--out', outB], { cwd: root, env: { TZ: 'America/New_York', SOURCE_DATE_EPOCH: undefined } });
  c = await spawnDatalek(['build', '--now', NOW_ISO, '--out', outC], { cwd: root, env: { TZ: 'Asia/Tokyo', SOURCE_DATE_EPOCH: String(EPOCH) } });
  inputsAfter = hashTree(path.join(root, 'incidents'));
  mtimesAfter = mtimes(path.join(root, 'incidents'));
});

afterAll(cleanTemp);

describe('reproducible builds', () => {
  it('all three builds succeed', () => {
    expect(a.failed).toEqual([]);
    expect(b.code, b.err).toBe(0);
    expect(c.code, c.err).toBe(0);
  });

  it('two builds into two folders give identical bytes for every file', () => {
    const files = documents(outA);
    expect(files.length).toBeGreaterThan(20);
    expect(documents(outB)).toEqual(files);
    const ha = hashTree(outA);
    const hb = hashTree(outB);
    const differ = files.filter((f) => ha[f] !== hb[f]);
    expect(differ).toEqual([]);
  });

  it('SOURCE_DATE_EPOCH sets every PDF date (pdfinfo) and every zip entry date of every DOCX', async () => {
    const files = documents(outC);
    expect(files).toEqual(documents(outA));
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    const docx = files.filter((f) => f.endsWith('.docx'));
    expect(pdfs.length).toBeGreaterThan(5);
    expect(docx.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    await Promise.all(
      pdfs.map(async (f) => {
        const info = await pdfInfo(path.join(outC, f));
        for (const key of ['CreationDate', 'ModDate']) {
          if (info[key] !== `${EPOCH_ISO}Z` && info[key] !== `${EPOCH_ISO}+00` && info[key] !== `${EPOCH_ISO}+00:00`) wrong.push(`${f} ${key} ${info[key]}`);
        }
      }),
    );
    for (const f of docx) {
      const entries = zipEntryDosDates(readFileSync(path.join(outC, f)));
      expect(entries.length, f).toBeGreaterThan(3);
      for (const e of entries) if (e.date !== EPOCH_ISO) wrong.push(`${f}!${e.name} ${e.date}`);
    }
    expect(wrong).toEqual([]);
    // not vacuous: without SOURCE_DATE_EPOCH the same files carry other dates
    expect((await pdfInfo(path.join(outA, pdfs[0]!)))['CreationDate']).not.toContain(EPOCH_ISO);
    expect(zipEntryDosDates(readFileSync(path.join(outA, docx[0]!)))[0]?.date).not.toBe(EPOCH_ISO);
  });

  it('never writes to the incident files', () => {
    expect(Object.keys(inputsBefore).length).toBeGreaterThan(5);
    expect(inputsAfter).toEqual(inputsBefore);
    expect(mtimesAfter).toEqual(mtimesBefore);
  });
});
