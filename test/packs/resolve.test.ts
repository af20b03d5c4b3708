/** Resolving templates: pure, on chains built by hand (file lists stand in for the disk). */
import { describe, expect, it } from 'vitest';
import { packVersions, resolveTemplate } from '../../src/packs/resolve.js';
import type { PackManifest } from '../../src/packs/types.js';
import { chainOf } from './helpers.js';

const DEFAULT: PackManifest = {
  name: 'datalek-standaard',
  version: '1.0.0',
  documents: {
    brief: { title: 'Brief', scope: 'incident', formats: ['docx', 'pdf'], templates: { nl: { docx: 'brief.docx', md: 'brief.md' }, fr: { md: 'lettre.md' } } },
    extra: { title: 'Extra', scope: 'incident', formats: ['pdf'], templates: { nl: { md: 'sub/extra.md' } } },
  },
};

interface Setup {
  org?: PackManifest;
  orgFiles?: string[];
  fed?: PackManifest;
  fedFiles?: string[];
  defFiles?: string[];
  language?: string;
}

const make = (s: Setup) =>
  chainOf(
    [
      { kind: 'organisation', name: 'kantoor', dir: '/p/org', manifest: s.org ?? {}, files: s.orgFiles ?? ['organisation.yaml'] },
      { kind: 'federation', name: 'fed', version: '2.1.0', dir: '/p/fed', manifest: s.fed ?? {}, files: s.fedFiles ?? [] },
      { kind: 'default', name: 'datalek-standaard', version: '1.0.0', dir: '/d', manifest: DEFAULT, files: s.defFiles ?? ['brief.docx', 'brief.md', 'lettre.md', 'sub/extra.md'] },
    ],
    s.language ?? 'nl',
  );

describe('resolveTemplate', () => {
  // [what, setup, document, format, language, ok, layer or null, tried, notes]
  const cases: [string, Setup, string, 'md' | 'docx', string, boolean, string | null, string[], string[]][] = [
    ['default only', {}, 'brief', 'md', 'nl', true, 'default', ['/p/org/brief.md', '/d/brief.md'], []],
    ['office file by name', { orgFiles: ['brief.md'] }, 'brief', 'md', 'nl', true, 'organisation', ['/p/org/brief.md'], []],
    ['office file by name, other format untouched', { orgFiles: ['brief.md'] }, 'brief', 'docx', 'nl', true, 'default', ['/p/org/brief.docx', '/d/brief.docx'], []],
    ['same relative path in a subfolder', { orgFiles: ['sub/extra.md'] }, 'extra', 'md', 'nl', true, 'organisation', ['/p/org/sub/extra.md'], []],
    [
      'federation entry',
      { fed: { documents: { brief: { templates: { nl: { md: 'fed-brief.md' } } } } }, fedFiles: ['fed-brief.md'] },
      'brief', 'md', 'nl', true, 'federation', ['/p/org/fed-brief.md', '/p/fed/fed-brief.md'], [],
    ],
    [
      'a federation file with the default name but no entry does not count',
      { fedFiles: ['brief.md'] },
      'brief', 'md', 'nl', true, 'default', ['/p/org/brief.md', '/d/brief.md'], [],
    ],
    [
      'office entry under another name',
      { org: { documents: { brief: { templates: { nl: { md: 'onze-brief.md' } } } } }, orgFiles: ['onze-brief.md', 'brief.md'] },
      'brief', 'md', 'nl', true, 'organisation', ['/p/org/onze-brief.md'], [],
    ],
    ['French', { language: 'fr' }, 'brief', 'md', 'fr', true, 'default', ['/p/org/lettre.md', '/d/lettre.md'], []],
    [
      'no French Word template: Dutch, with a note',
      {}, 'brief', 'docx', 'fr', true, 'default', ['/p/org/brief.docx', '/d/brief.docx'],
      ["no fr docx template for 'brief'; the nl one is used"],
    ],
    [
      'French file missing: Dutch after it, with a note',
      { defFiles: ['brief.md'] }, 'brief', 'md', 'fr', true, 'default', ['/p/org/lettre.md', '/d/lettre.md', '/p/org/brief.md', '/d/brief.md'],
      ["the fr md template of 'brief' is missing; the nl one is tried"],
    ],
    [
      'nothing found: every path tried',
      { defFiles: [] }, 'brief', 'md', 'fr', false, null, ['/p/org/lettre.md', '/d/lettre.md', '/p/org/brief.md', '/d/brief.md'],
      ["the fr md template of 'brief' is missing; the nl one is tried"],
    ],
    ['unknown document', {}, 'nope', 'md', 'nl', false, null, [], ["no document 'nope' in the template packs"]],
    ['no Word template at all', {}, 'extra', 'docx', 'nl', false, null, [], ["no nl docx template for 'extra'"]],
  ];

  it.each(cases)('%s', (_what, setup, id, format, language, ok, layer, tried, notes) => {
    const r = resolveTemplate(make(setup), id, format, language);
    expect(r.ok).toBe(ok);
    if (r.ok) {
      expect(r.layer).toBe(layer);
      expect(r.path).toBe(tried[tried.length - 1]);
    }
    expect(r.tried).toEqual(tried);
    expect(r.notes).toEqual(notes);
  });

  it('without fallback stays in the language asked', () => {
    const r = resolveTemplate(make({ defFiles: ['brief.md'] }), 'brief', 'md', 'fr', { fallback: false });
    expect(r.ok).toBe(false);
    expect(r.tried).toEqual(['/p/org/lettre.md', '/d/lettre.md']);
  });

  it('the error is a diagnostic listing the paths, relative to the project', () => {
    const r = resolveTemplate(make({ defFiles: [] }), 'brief', 'md', 'nl');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic).toMatchObject({ code: 'DL-TEMPLATE-NOT-FOUND', severity: 'error', file: '/d/pack.yaml', field: 'documents.brief.templates' });
      expect(r.diagnostic.message).toBe("no md template for 'brief' (nl); tried: org/brief.md, /d/brief.md");
    }
  });

  it('uses the office language by default and reports the pack', () => {
    const r = resolveTemplate(make({ language: 'fr', orgFiles: ['lettre.md'] }), 'brief', 'md');
    expect(r).toMatchObject({ ok: true, language: 'fr', usedLanguage: 'fr', layer: 'organisation', pack: { name: 'kantoor', version: null } });
  });
});

describe('packVersions', () => {
  it('lists every layer, highest first', () => {
    expect(packVersions(make({}))).toEqual([
      { layer: 'organisation', name: 'kantoor', version: null, dir: 'org', spec: null },
      { layer: 'federation', name: 'fed', version: '2.1.0', dir: 'fed', spec: null },
      { layer: 'default', name: 'datalek-standaard', version: '1.0.0', dir: '/d', spec: null },
    ]);
  });
});
