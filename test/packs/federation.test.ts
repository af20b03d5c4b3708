/**
 * packs/voorbeeld-federatie: a federation replaces the Dutch letter and adds a document of its
 * own, with no change to the code.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_DOCS } from '../../src/documents/fields.js';
import { documentApplies, lintPack, loadPackChain, mergeDocuments, resolveTemplate, type PackChain } from '../../src/packs/index.js';
import { DEFAULT_DIR, REPO } from './helpers.js';

const FED = path.join(REPO, 'packs/voorbeeld-federatie');
const ORG = path.join(REPO, 'test/fixtures/packs/federatie-lid/templates/lid');
let chain: PackChain;

beforeAll(async () => {
  const r = await loadPackChain({
    projectRoot: REPO,
    organisationDir: 'test/fixtures/packs/federatie-lid/templates/lid',
    organisation: { id: 'lid', language: 'nl', extends: 'packs/voorbeeld-federatie@^2.1.0' },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  expect(r.diagnostics).toEqual([]);
  chain = r.chain;
});

describe('voorbeeld-federatie', () => {
  it('sits between the office and the default', () => {
    expect(chain.layers.map((l) => [l.kind, l.pack.name, l.pack.version])).toEqual([
      ['organisation', 'lid', null],
      ['federation', 'voorbeeld-federatie', '2.1.0'],
      ['default', 'datalek-standaard', '1.0.0'],
    ]);
  });

  it('adds the notice to the insurer, as Word and PDF for every breach', () => {
    const docs = mergeDocuments(chain);
    expect(docs.map((d) => d.id)).toEqual(['brief-betrokkene', 'melding-ap', 'melding-gba', 'register', 'melding-verzekeraar']);
    const notice = docs.at(-1)!;
    expect(notice).toMatchObject({ scope: 'incident', when: 'triage.breach', formats: ['docx', 'pdf'], origin: { layer: 'federation' } });
    expect(documentApplies(notice, { triage: { breach: true } })).toEqual({ ok: true, value: true });
    expect(documentApplies(notice, { triage: { breach: false } })).toEqual({ ok: true, value: false });
    expect(resolveTemplate(chain, 'melding-verzekeraar', 'md')).toMatchObject({
      ok: true,
      layer: 'federation',
      path: path.join(FED, 'melding-verzekeraar.md'),
      tried: [path.join(ORG, 'melding-verzekeraar.md'), path.join(FED, 'melding-verzekeraar.md')],
    });
  });

  it("replaces only the Dutch letter, in both its Word and Markdown versions", () => {
    expect(resolveTemplate(chain, 'brief-betrokkene', 'md', 'nl')).toMatchObject({ ok: true, layer: 'federation', path: path.join(FED, 'brief-betrokkene.md') });
    const docx = resolveTemplate(chain, 'brief-betrokkene', 'docx', 'nl');
    expect(docx.tried).toEqual([path.join(ORG, 'brief-betrokkene.docx'), path.join(FED, 'brief-betrokkene.docx')]);
    const fr = resolveTemplate(chain, 'brief-betrokkene', 'md', 'fr', { fallback: false });
    expect(fr.tried).toEqual([path.join(ORG, 'lettre-personne-concernee.md'), path.join(DEFAULT_DIR, 'lettre-personne-concernee.md')]);
  });

  it("its templates use only fields of the document data", async () => {
    const known = new Set(Object.keys(FIELD_DOCS.incident));
    const diagnostics = await lintPack(chain, { knownFields: known, knownFieldsByScope: { organisation: new Set(Object.keys(FIELD_DOCS.register)) } });
    const ours = diagnostics.filter((d) => d.file.startsWith('packs/voorbeeld-federatie/'));
    expect(ours).toEqual([]);
  });
});
