/**
 * Golden DOCX files for two built documents, compared part by part as XML text (never as raw
 * bytes): the same zip entries in the same order, and each XML part equal after a light
 * normalisation (whitespace between tags collapsed, line endings unified). Other parts (images,
 * fonts) are compared by content.
 *
 * To refresh the goldens after an intended change of a template or of the rendering, run
 *
 *     UPDATE_GOLDEN=1 npx vitest run test/build/build-golden.test.ts
 *
 * which writes the freshly built files over test/fixtures/build/golden/ instead of comparing;
 * then look at the diff (e.g. unzip both and diff word/document.xml) before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build/run.js';
import { NOW, REPO, cleanTemp, docxZip, tempDir } from '../fixtures/build/support.js';

const GOLDEN_DIR = path.join(REPO, 'test/fixtures/build/golden');
const GOLDENS = ['van-dam-advocaten/2026-004/brief-betrokkene.docx', 'boekhouding-claes/register.docx'];
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

let out: string;

/** The light normalisation of an XML part: line endings, whitespace between tags, around the text. */
function normaliseXml(xml: string): string {
  return xml.replace(/\r\n?/g, '\n').replace(/>\s+</g, '><').trim();
}

function parts(bytes: Uint8Array): { names: string[]; get: (name: string) => { xml: boolean; text: string } } {
  const zip = docxZip(bytes);
  const names = Object.keys(zip.files);
  return {
    names,
    get(name) {
      const file = zip.files[name]!;
      if (file.dir) return { xml: false, text: '' };
      const xml = /\.(xml|rels)$/.test(name);
      return { xml, text: xml ? normaliseXml(file.asText()) : Buffer.from(file.asUint8Array()).toString('base64') };
    },
  };
}

beforeAll(async () => {
  out = tempDir('datalek-build-golden-');
  const env = { ...process.env };
  delete env['SOURCE_DATE_EPOCH'];
  // only what the goldens need: one incident (no registers), and one office
  const one = await runBuild({ root: REPO, outDir: out, now: NOW, env, paths: [path.join(REPO, 'incidents/van-dam-advocaten/2026-004.yaml')] });
  const org = await runBuild({ root: REPO, outDir: out, now: NOW, env, orgs: ['boekhouding-claes'] });
  expect([...one.failed, ...org.failed]).toEqual([]);
});

afterAll(cleanTemp);

describe('golden DOCX files', () => {
  it.each(GOLDENS)('%s equals its golden, part by part', (rel) => {
    const built = readFileSync(path.join(out, rel));
    const goldenFile = path.join(GOLDEN_DIR, rel);
    if (UPDATE) {
      mkdirSync(path.dirname(goldenFile), { recursive: true });
      writeFileSync(goldenFile, built);
      return;
    }
    expect(existsSync(goldenFile), `no golden ${goldenFile}; run UPDATE_GOLDEN=1 npx vitest run test/build/build-golden.test.ts`).toBe(true);
    const want = parts(readFileSync(goldenFile));
    const got = parts(built);
    expect(got.names).toEqual(want.names);
    for (const name of want.names) {
      const w = want.get(name);
      const g = got.get(name);
      expect(g.xml, name).toBe(w.xml);
      expect(g.text, `${rel}!${name}`).toBe(w.text);
    }
    // the goldens are real documents, not empty shells
    expect(want.get('word/document.xml').text.length).toBeGreaterThan(2000);
  });

  it('the normalisation is light: it ignores formatting between tags, not text', () => {
    expect(normaliseXml('<a>\r\n  <b>x y</b>\n</a>\n')).toBe('<a><b>x y</b></a>');
    expect(normaliseXml('<a><b>x  y</b></a>')).not.toBe(normaliseXml('<a><b>x y</b></a>'));
  });
});
