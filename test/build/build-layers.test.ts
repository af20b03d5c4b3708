/**
 * The three template layers, seen in built documents: a temporary copy of
 * test/fixtures/packs/three-layers (office kantoor-drie -> federation pack `federatie` -> the
 * built-in default), with one incident added and one document added to the federation pack.
 * The office's letter beats the federation's, the federation's AP summary beats the default's,
 * the formats nobody overrides come from the default, and the federation's own document is written.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runBuild, type BuildResult } from '../../src/build/run.js';
import { NOW, NOW_ISO, REPO, cleanTemp, docxText, expectedFiles, listFiles, pdfInfo, pdfText, run, squash, tempDir, type TriageJson } from '../fixtures/build/support.js';

const FIXTURE = path.join(REPO, 'test/fixtures/packs/three-layers');
const ORG = 'kantoor-drie';
const ID = '2026-301';

// what each layer's template says (see the fixture's files)
const OFFICE_LETTER = 'Deze brief komt uit de map van het kantoor.';
const FEDERATION_LETTER = 'Deze brief komt uit het federatiepakket.';
const DEFAULT_LETTER = 'Met deze brief laten wij u weten';
const FEDERATION_AP = 'Melding aan de AP volgens het model van de federatie';
const DEFAULT_AP = 'Dit document vat de melding samen';

let root: string;
let out: string;
let result: BuildResult;
let triage: TriageJson[];
let facts: string;

const text = async (rel: string) => (rel.endsWith('.docx') ? docxText(readFileSync(path.join(out, rel))) : pdfText(path.join(out, rel)));

beforeAll(async () => {
  root = tempDir('datalek-build-layers-');
  cpSync(FIXTURE, root, { recursive: true });
  // one incident for the office: the example with a high risk, notified to the AP and told to the people
  const doc = parseDocument(readFileSync(path.join(REPO, 'incidents/van-dam-advocaten/2026-004.yaml'), 'utf8'));
  doc.setIn(['id'], ID);
  doc.setIn(['organisation'], ORG);
  facts = String(doc.getIn(['what', 'facts']));
  mkdirSync(path.join(root, 'incidents', ORG), { recursive: true });
  writeFileSync(path.join(root, 'incidents', ORG, `${ID}.yaml`), String(doc));
  // a document of the federation's own, not in the default pack
  const pack = parseDocument(readFileSync(path.join(root, 'federatie/pack.yaml'), 'utf8'));
  pack.setIn(['documents', 'melding-federatie'], {
    title: 'Melding aan de federatie',
    scope: 'incident',
    when: 'triage.breach',
    formats: ['pdf'],
    templates: { nl: { md: 'melding-federatie.md' } },
  });
  writeFileSync(path.join(root, 'federatie/pack.yaml'), String(pack));
  writeFileSync(path.join(root, 'federatie/melding-federatie.md'), '# Melding aan de federatie\n\nKantoor {organisatie.naam} meldt incident {nummer}.\n\n{feiten}\n');

  out = tempDir('datalek-build-layers-out-');
  result = await runBuild({ root, outDir: out, now: NOW });
  const t = await run(['triage', '--json', '--now', NOW_ISO], root);
  expect(t.code, t.err).toBe(0);
  triage = JSON.parse(t.out) as TriageJson[];
});

afterAll(cleanTemp);

describe('three layers in built documents', () => {
  it('builds without problems exactly the documents the triage and the merged pack call for', () => {
    expect(result.failed).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(triage.map((t) => [t.id, t.notifyAuthority, t.authority.code, t.notifyDataSubjects, t.breach])).toEqual([[ID, true, 'AP', true, true]]);
    const files = listFiles(out).filter((f) => !f.split('/').some((s) => s.startsWith('.')));
    expect(files).toEqual(expectedFiles(root, triage));
    expect(files).toEqual([
      `${ORG}/${ID}/brief-betrokkene.docx`,
      `${ORG}/${ID}/brief-betrokkene.pdf`,
      `${ORG}/${ID}/melding-ap.docx`,
      `${ORG}/${ID}/melding-ap.pdf`,
      `${ORG}/${ID}/melding-federatie.pdf`,
      `${ORG}/register.csv`,
      `${ORG}/register.docx`,
      `${ORG}/register.pdf`,
    ]);
  });

  it("the office's letter overrides the federation's, which overrides the default", async () => {
    const pdf = await text(`${ORG}/${ID}/brief-betrokkene.pdf`);
    expect(pdf).toContain(OFFICE_LETTER);
    expect(pdf).not.toContain(FEDERATION_LETTER);
    expect(pdf).not.toContain(DEFAULT_LETTER);
  });

  it("the federation's AP summary overrides the default, title included", async () => {
    const rel = `${ORG}/${ID}/melding-ap.pdf`;
    const pdf = await text(rel);
    expect(pdf).toContain(FEDERATION_AP);
    expect(pdf).not.toContain(DEFAULT_AP);
    // the federation also renamed the document: the footer and the PDF title follow
    expect(pdf).toContain('Melding aan de AP (federatiemodel)');
    expect((await pdfInfo(path.join(out, rel)))['Title']).toBe(`Melding aan de AP (federatiemodel) ${ID}`);
  });

  it('formats no layer above overrides come from the default (the DOCX of both documents)', async () => {
    const letter = await text(`${ORG}/${ID}/brief-betrokkene.docx`);
    expect(letter).toContain(DEFAULT_LETTER);
    expect(letter).not.toContain(OFFICE_LETTER);
    expect(squash(letter)).toContain(squash(facts.slice(0, 80)));
    const ap = await text(`${ORG}/${ID}/melding-ap.docx`);
    expect(ap).toContain(DEFAULT_AP);
    expect(ap).not.toContain(FEDERATION_AP);
  });

  it("the federation's own document is written, filled in", async () => {
    expect(result.written.map((w) => w.path)).toContain(`${ORG}/${ID}/melding-federatie.pdf`);
    const pdf = await text(`${ORG}/${ID}/melding-federatie.pdf`);
    expect(pdf).toContain(`Kantoor Kantoor Drie B.V. meldt incident ${ID}.`);
    expect(squash(pdf)).toContain(squash(facts.slice(0, 80)));
    expect(pdf).not.toMatch(/[{}]|undefined|\bnull\b/);
  });
});
