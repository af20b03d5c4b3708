/**
 * The cascade end to end on a tiny project: the office overrides the federation pack, which
 * overrides the built-in default. The `tried` lists are asserted exactly.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackChain, mergeDocuments, packVersions, resolveTemplate, type PackChain } from '../../src/packs/index.js';
import { DEFAULT_DIR, FIXTURES } from './helpers.js';

const ROOT = path.join(FIXTURES, 'three-layers');
const ORG = path.join(ROOT, 'templates/kantoor-drie');
const FED = path.join(ROOT, 'federatie');
const org = (f: string) => path.join(ORG, f);
const fed = (f: string) => path.join(FED, f);
const def = (f: string) => path.join(DEFAULT_DIR, f);

let chain: PackChain;

beforeAll(async () => {
  const r = await loadPackChain({
    projectRoot: ROOT,
    organisationDir: 'templates/kantoor-drie',
    organisation: { id: 'kantoor-drie', language: 'nl', extends: 'federatie@^3.0.0' },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  expect(r.diagnostics).toEqual([]);
  chain = r.chain;
});

describe('three layers', () => {
  it('builds the chain organisation -> federation -> default', () => {
    expect(chain.layers.map((l) => [l.kind, l.pack.name, l.pack.version, l.spec])).toEqual([
      ['organisation', 'kantoor-drie', null, null],
      ['federation', 'fixture-federatie', '3.0.0', 'federatie@^3.0.0'],
      ['default', 'datalek-standaard', '1.0.0', 'datalek-standaard@^1.0.0'],
    ]);
    expect(packVersions(chain)).toEqual([
      { layer: 'organisation', name: 'kantoor-drie', version: null, dir: 'templates/kantoor-drie', spec: null },
      { layer: 'federation', name: 'fixture-federatie', version: '3.0.0', dir: 'federatie', spec: 'federatie@^3.0.0' },
      { layer: 'default', name: 'datalek-standaard', version: '1.0.0', dir: DEFAULT_DIR.split(path.sep).join('/'), spec: 'datalek-standaard@^1.0.0' },
    ]);
  });

  it('merges with per-key provenance', () => {
    const docs = mergeDocuments(chain);
    expect(docs.map((d) => d.id)).toEqual(['brief-betrokkene', 'melding-ap', 'melding-gba', 'register']);
    const ap = docs.find((d) => d.id === 'melding-ap')!;
    expect(ap.title).toBe('Melding aan de AP (federatiemodel)');
    expect(ap.provenance.title?.layer).toBe('federation');
    expect(ap.provenance.when?.layer).toBe('default');
    expect(ap.provenance['templates.nl.md']?.layer).toBe('federation');
    expect(ap.provenance['templates.nl.docx']?.layer).toBe('default');
    expect(ap.templates).toEqual({ nl: { docx: 'melding-ap.docx', md: 'melding-ap-federatie.md' } });
  });

  // [document, format, language] -> winner layer, path, every path tried, used language
  const cases: [string, 'md' | 'docx', string, string, string, string[], string][] = [
    // the office's own file wins by name, before the federation's entry is even looked at
    ['brief-betrokkene', 'md', 'nl', 'organisation', org('brief-betrokkene.md'), [org('brief-betrokkene.md')], 'nl'],
    // the federation's file (other name); the office has none with that name
    ['melding-ap', 'md', 'nl', 'federation', fed('melding-ap-federatie.md'), [org('melding-ap-federatie.md'), fed('melding-ap-federatie.md')], 'nl'],
    // the federation changed only the Dutch letter: French comes from the default
    [
      'brief-betrokkene',
      'md',
      'fr',
      'default',
      def('lettre-personne-concernee.md'),
      [org('lettre-personne-concernee.md'), def('lettre-personne-concernee.md')],
      'fr',
    ],
    // no German letter anywhere: falls back to Dutch, which the office overrides
    ['brief-betrokkene', 'md', 'de', 'organisation', org('brief-betrokkene.md'), [org('brief-betrokkene.md')], 'nl'],
    // untouched by office and federation
    ['melding-gba', 'md', 'nl', 'default', def('melding-gba.md'), [org('melding-gba.md'), def('melding-gba.md')], 'nl'],
  ];

  it.each(cases)('%s %s %s comes from the %s layer', (id, format, language, layer, winner, tried, used) => {
    const r = resolveTemplate(chain, id, format, language);
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, layer, path: winner, usedLanguage: used });
    expect(r.tried).toEqual(tried);
  });

  it('notes the fallback to Dutch', () => {
    const r = resolveTemplate(chain, 'brief-betrokkene', 'md', 'de');
    expect(r.notes).toEqual(["no de md template for 'brief-betrokkene'; the nl one is used"]);
    expect(r.ok && r.pack).toEqual({ name: 'kantoor-drie', version: null });
  });

  it('an error lists every path tried, in both languages', () => {
    // the office and the federation have no French melding-ap; the French entry does not exist
    // anywhere, so Dutch is tried; a file name nobody has gives a not-found
    const missing = { ...chain, layers: chain.layers.map((l) => ({ ...l, files: l.files.filter((f) => !f.startsWith('melding-ap')) })) };
    const r = resolveTemplate(missing, 'melding-ap', 'md', 'fr');
    expect(r.ok).toBe(false);
    expect(r.tried).toEqual([org('melding-ap-federatie.md'), fed('melding-ap-federatie.md')]);
    if (!r.ok) {
      expect(r.diagnostic.code).toBe('DL-TEMPLATE-NOT-FOUND');
      expect(r.diagnostic.file).toBe('federatie/pack.yaml');
      expect([r.diagnostic.line, r.diagnostic.column]).toEqual([14, 13]);
      expect(r.diagnostic.message).toContain('tried: templates/kantoor-drie/melding-ap-federatie.md, federatie/melding-ap-federatie.md');
    }
  });
});
