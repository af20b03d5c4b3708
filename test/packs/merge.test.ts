/** The cascade of documents: pure, on chains built by hand. */
import { describe, expect, it } from 'vitest';
import { mergeDocuments, missingKeys } from '../../src/packs/merge.js';
import type { PackManifest } from '../../src/packs/types.js';
import { chainOf } from './helpers.js';

const DEFAULT: PackManifest = {
  name: 'datalek-standaard',
  version: '1.0.0',
  documents: {
    brief: {
      title: 'Brief',
      scope: 'incident',
      when: 'triage.notifyDataSubjects',
      formats: ['docx', 'pdf'],
      templates: { nl: { docx: 'brief.docx', md: 'brief.md' }, fr: { md: 'lettre.md' } },
    },
    melding: { title: 'Melding', scope: 'incident', when: 'triage.notifyAuthority', formats: ['pdf'], templates: { nl: { md: 'melding.md' } } },
    register: { title: 'Register', scope: 'organisation', formats: ['docx', 'pdf', 'csv'], templates: { nl: { docx: 'register.docx', md: 'register.md' } } },
  },
};

const chain = (org: PackManifest, fed: PackManifest) =>
  chainOf([
    { kind: 'organisation', name: 'kantoor', dir: '/p/org', manifest: org },
    { kind: 'federation', name: 'fed', version: '2.0.0', dir: '/p/fed', manifest: fed },
    { kind: 'default', name: 'datalek-standaard', version: '1.0.0', dir: '/d', manifest: DEFAULT },
  ]);

describe('mergeDocuments', () => {
  it('without overrides gives the default documents, every key from the default', () => {
    const docs = mergeDocuments(chain({}, {}));
    expect(docs.map((d) => d.id)).toEqual(['brief', 'melding', 'register']);
    const brief = docs[0]!;
    expect(brief).toMatchObject({ title: 'Brief', scope: 'incident', when: 'triage.notifyDataSubjects', formats: ['docx', 'pdf'], disabled: false });
    expect(Object.fromEntries(Object.entries(brief.provenance).map(([k, v]) => [k, `${v.layer}#${v.index}`]))).toEqual({
      title: 'default#2',
      scope: 'default#2',
      when: 'default#2',
      formats: 'default#2',
      'templates.nl.docx': 'default#2',
      'templates.nl.md': 'default#2',
      'templates.fr.md': 'default#2',
    });
    expect(brief.origin).toEqual({ layer: 'default', index: 2, pack: { name: 'datalek-standaard', version: '1.0.0' } });
    expect(docs[1]!.when).toBe('triage.notifyAuthority');
    expect(docs[2]!.when).toBeNull();
  });

  // [what, organisation, federation, document, key, expected value, layer that set it]
  const cases: [string, PackManifest, PackManifest, string, string, unknown, string][] = [
    ['federation title', {}, { documents: { brief: { title: 'Brief (fed)' } } }, 'brief', 'title', 'Brief (fed)', 'federation'],
    ['organisation over federation', { documents: { brief: { title: 'Brief (org)' } } }, { documents: { brief: { title: 'Brief (fed)' } } }, 'brief', 'title', 'Brief (org)', 'organisation'],
    ['formats replaced whole', {}, { documents: { brief: { formats: ['pdf'] } } }, 'brief', 'formats', ['pdf'], 'federation'],
    ['when replaced', { documents: { melding: { when: 'true' } } }, {}, 'melding', 'when', 'true', 'organisation'],
    ['scope', {}, { documents: { melding: { scope: 'organisation' } } }, 'melding', 'scope', 'organisation', 'federation'],
    ['one template replaced', {}, { documents: { brief: { templates: { nl: { md: 'fed-brief.md' } } } } }, 'brief', 'templates.nl.md', 'fed-brief.md', 'federation'],
    ['the other template kept', {}, { documents: { brief: { templates: { nl: { md: 'fed-brief.md' } } } } }, 'brief', 'templates.nl.docx', 'brief.docx', 'default'],
    ['a language added', { documents: { brief: { templates: { de: { md: 'brief-de.md' } } } } }, {}, 'brief', 'templates.de.md', 'brief-de.md', 'organisation'],
  ];

  it.each(cases)('%s', (_what, org, fed, id, key, value, layer) => {
    const doc = mergeDocuments(chain(org, fed)).find((d) => d.id === id)!;
    const actual = key.startsWith('templates.') ? doc.templates[key.split('.')[1]!]?.[key.split('.')[2] as 'md' | 'docx'] : (doc as unknown as Record<string, unknown>)[key];
    expect(actual).toEqual(value);
    expect(doc.provenance[key]?.layer).toBe(layer);
  });

  it('disables and re-enables', () => {
    const off = mergeDocuments(chain({}, { documents: { melding: { disabled: true } } }));
    expect(off.map((d) => d.id)).toEqual(['brief', 'register']);
    const all = mergeDocuments(chain({}, { documents: { melding: { disabled: true } } }), { includeDisabled: true });
    expect(all.find((d) => d.id === 'melding')).toMatchObject({ disabled: true, provenance: { disabled: { layer: 'federation' } } });
    const on = mergeDocuments(chain({ documents: { melding: { disabled: false } } }, { documents: { melding: { disabled: true } } }));
    expect(on.map((d) => d.id)).toEqual(['brief', 'melding', 'register']);
    expect(on[1]!.provenance.disabled?.layer).toBe('organisation');
  });

  it('adds documents after the inherited ones, lowest layer first', () => {
    const added = { title: 'Extra', scope: 'incident' as const, formats: ['pdf' as const], templates: { nl: { md: 'extra.md' } } };
    const docs = mergeDocuments(chain({ documents: { 'eigen-doc': added } }, { documents: { verzekeraar: added } }));
    expect(docs.map((d) => [d.id, d.origin.layer])).toEqual([
      ['brief', 'default'],
      ['melding', 'default'],
      ['register', 'default'],
      ['verzekeraar', 'federation'],
      ['eigen-doc', 'organisation'],
    ]);
    expect(missingKeys(docs[3]!)).toEqual([]);
  });

  it('knows what an incomplete document lacks', () => {
    const docs = mergeDocuments(chain({ documents: { 'brief-typo': { disabled: true } } }, {}), { includeDisabled: true });
    expect(missingKeys(docs.find((d) => d.id === 'brief-typo')!)).toEqual(['title', 'scope', 'formats', 'templates']);
  });

  it('does not share arrays with the manifests', () => {
    const c = chain({}, {});
    const doc = mergeDocuments(c)[0]!;
    doc.formats.push('csv');
    expect(DEFAULT.documents!.brief!.formats).toEqual(['docx', 'pdf']);
  });
});
