/**
 * The built-in pack's .docx templates are twins of its Markdown templates: regenerated in memory
 * they must equal the files in the repository byte for byte, and hold the same tags. When this
 * fails after editing a .md: `npm run build && node scripts/md-to-docx-template.mjs`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxTwin, docxTwins, packInfo, templateLanguage } from '../../../src/render/docx-template/twins.js';
import { listTags, type TemplateTag } from '../../../src/render/template/tags.js';
import { part } from './helpers.js';

const PACK = join(__dirname, '../../../packs/default');
const markdownFiles = existsSync(PACK) ? readdirSync(PACK).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort() : [];

function tagSet(tags: TemplateTag[], out = new Set<string>()): Set<string> {
  for (const t of tags) {
    out.add(`${t.kind} ${[...t.scope, t.tag].join(' > ')}`);
    if (t.children) tagSet(t.children, out);
  }
  return out;
}

describe('packs/default: every Markdown template has an up-to-date .docx twin', () => {
  it.skipIf(markdownFiles.length === 0)('the twins on disk are what the converter makes now', () => {
    const stale = docxTwins(PACK)
      .filter((t) => !t.upToDate)
      .map((t) => t.docxPath);
    expect(stale, 'regenerate with: npm run build && node scripts/md-to-docx-template.mjs').toEqual([]);
  });

  it.skipIf(markdownFiles.length === 0).each(markdownFiles)('%s and its twin use the same tags', (file) => {
    const md = readFileSync(join(PACK, file), 'utf8');
    const docxPath = join(PACK, file.replace(/\.md$/, '.docx'));
    expect(existsSync(docxPath), docxPath).toBe(true);
    const docx = new Uint8Array(readFileSync(docxPath));
    const fromMd = listTags(md, 'text', { templatePath: file });
    const fromDocx = listTags(docx, 'docx', { templatePath: docxPath });
    const problems = (ps: typeof fromMd.problems): string[] => ps.map((p) => `${p.code} ${p.xtag}`).sort();
    expect(problems(fromDocx.problems)).toEqual(problems(fromMd.problems));
    expect(tagSet(fromDocx.tags)).toEqual(tagSet(fromMd.tags));
    expect(fromDocx.filters).toEqual(fromMd.filters);
  });
});

describe('twins', () => {
  it('language and title from pack.yaml, else from the filters and words used', () => {
    const info = packInfo(
      'documents:\n  brief:\n    title: Brief aan betrokkenen\n    templates:\n      nl: { md: brief.md, docx: brief.docx }\n      fr: { md: lettre.md }\n  x: 3\n',
    );
    expect([...info]).toEqual([
      ['brief.md', { language: 'nl', title: 'Brief aan betrokkenen' }],
      ['lettre.md', { language: 'fr', title: 'Brief aan betrokkenen' }],
    ]);
    expect(packInfo(': : not yaml [')).toEqual(new Map());
    expect(templateLanguage('Le {d | date}')).toBe('fr');
    expect(templateLanguage('Op {d | datum}')).toBe('nl');
    expect(templateLanguage('Nous vous informons que vos données {x}')).toBe('fr');
    expect(templateLanguage('Wij informeren u dat uw gegevens {x}')).toBe('nl');
  });

  it('the twin takes its title from the first level-1 heading, pack.yaml, any heading, the name; and is stable', () => {
    const title = (docx: Uint8Array): string => /<dc:title>(.*)<\/dc:title>/.exec(part(docx, 'docProps/core.xml'))![1]!;
    const a = docxTwin('## Sectie\n\n# Brief {x}\n\nTekst {y | datum}.\n', 'brief', { title: 'Uit pack.yaml' });
    expect(title(a)).toBe('Brief {x}');
    expect(part(a, 'word/styles.xml')).toContain('w:val="nl-NL"');
    expect(docxTwin('## Sectie\n\n# Brief {x}\n\nTekst {y | datum}.\n', 'brief', { title: 'Uit pack.yaml' })).toEqual(a);
    expect(title(docxTwin('## Sectie\n', 'brief', { title: 'Uit pack.yaml' }))).toBe('Uit pack.yaml');
    expect(title(docxTwin('## Sectie\n', 'brief'))).toBe('Sectie');
    const b = docxTwin('Madame, le {y | date}.\n', 'lettre');
    expect(title(b)).toBe('lettre');
    expect(part(b, 'word/footer1.xml')).toContain('page ');
    expect(part(docxTwin('Tekst.\n', 'x', { language: 'fr' }), 'word/styles.xml')).toContain('w:val="fr-BE"');
    expect(part(docxTwin('Tekst.\n', 'register', { orientation: 'landscape' }), 'word/document.xml')).toContain('w:orient="landscape"');
    expect(part(docxTwin('Tekst.\n', 'register'), 'word/document.xml')).not.toContain('w:orient');
  });
});
