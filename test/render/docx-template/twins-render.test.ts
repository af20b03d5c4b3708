/**
 * The .docx twins say what the Markdown templates say: for every bundled example incident (and
 * every office, for the register), the text of the twin rendered by docxtemplater equals the text
 * of the Markdown template rendered and turned into HTML as for the PDF, white space and list
 * bullets aside. Catches a converter that drops, duplicates or reorders content, and sections
 * that behave differently in Word (paragraph loops, row loops, nested lists).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentDocumentData, registerDocumentData } from '../../../src/documents/data.js';
import { renderDocx } from '../../../src/render/docx/render.js';
import { markdownToHtml } from '../../../src/render/markdown.js';
import { escapeMarkdown, renderText } from '../../../src/render/template/index.js';
import { loadExamples, NOW, ROOT } from '../../documents/examples.js';
import { paragraphTexts, part } from './helpers.js';

const PACK = join(ROOT, 'packs/default');
const TEMPLATES: Array<[string, 'nl' | 'fr']> = [
  ['brief-betrokkene', 'nl'],
  ['lettre-personne-concernee', 'fr'],
  ['melding-ap', 'nl'],
  ['melding-gba', 'nl'],
  ['register', 'nl'],
];
const present = TEMPLATES.filter(([t]) => existsSync(join(PACK, `${t}.md`)) && existsSync(join(PACK, `${t}.docx`)));

/** Text as read: bullets and list dashes dropped, white space collapsed. */
const normalise = (s: string): string => s.replace(/[\u2022\u2013\u25e6]/g, ' ').replace(/\s+/g, ' ').trim();

function htmlText(html: string): string {
  return html
    .replace(/<(br|\/p|\/h\d|\/li|\/t[dh])>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe.skipIf(present.length === 0)('the twins render to the same text as the Markdown templates', async () => {
  const examples = await loadExamples();
  it.each(present)('%s', (tpl, language) => {
    const md = readFileSync(join(PACK, `${tpl}.md`), 'utf8');
    const docx = new Uint8Array(readFileSync(join(PACK, `${tpl}.docx`)));
    for (const e of examples) {
      const data =
        tpl === 'register'
          ? registerDocumentData({ organisation: e.organisation, rows: examples.filter((x) => x.organisation.id === e.organisation.id), language, date: NOW })
          : incidentDocumentData({ ...e, language, date: NOW });
      const fromMarkdown = normalise(htmlText(markdownToHtml(renderText(md, data, { templatePath: `${tpl}.md`, escape: escapeMarkdown }))));
      const fromDocx = normalise(paragraphTexts(part(renderDocx(docx, data, { templatePath: `${tpl}.docx` }), 'word/document.xml')).join(' '));
      expect(fromDocx, `${tpl} for ${e.file}`).toBe(fromMarkdown);
    }
  });
});
