/**
 * templateReads: the top-level data fields a template reads, which a document's build key covers.
 * By table, and by rendering every template of the built-in pack for every example incident with
 * only those fields (and the `$` settings): the output must be the same as with all the data, so
 * no field a template reads can be missing from the set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { templateReads } from '../../src/build/template-reads.js';
import { loadProject } from '../../src/project/load.js';
import { incidentDocumentData } from '../../src/documents/index.js';
import { renderText, escapeMarkdown } from '../../src/render/template/index.js';
import { renderDocx } from '../../src/render/docx/render.js';

const REPO = path.resolve(__dirname, '../..');
const NOW = new Date('2026-11-22T12:00:00+01:00');
const sorted = (s: ReadonlySet<string> | null) => (s === null ? null : [...s].sort());

describe('templateReads', () => {
  it.each([
    ['plain fields and groups', '{titel}, {organisatie.naam} ({organisatie.adres})', ['organisatie', 'titel']],
    ['a list item', '{#maatregelen}- {.}\n{/maatregelen}', ['maatregelen']],
    ['a name inside a section may be a top-level one', '{#incidenten}{titel}{/incidenten}', ['incidenten', 'titel']],
    ['filter arguments', '{betrokkenen_min | bereik:betrokkenen_max:"persoon":"personen"}', ['betrokkenen_max', 'betrokkenen_min']],
    ['conditions and inverted sections', '{#aantal > grens}veel{/aantal > grens}{^heeft_x}geen{/heeft_x}', ['aantal', 'grens', 'heeft_x']],
    ['this with a name', '{this.titel} {#this.heeft_x}ja{/this.heeft_x}', ['heeft_x', 'titel']],
    ['a list index', '{gegevens[0]}', ['gegevens']],
    ['no tags at all', 'Geachte heer, mevrouw,', []],
    ['a field chosen by a value cannot be told', '{this[veld]}', null],
    ['nor one looked up by brackets on the scope at all (kept simple)', '{this["feiten"]}', null],
    ['a template that does not compile cannot be told', '{titel', null],
  ])('%s', (_name, text, expected) => {
    expect(sorted(templateReads(text, 'text'))).toEqual(expected);
  });

  it('reads the same fields in each .docx template of the built-in pack as in its Markdown twin', () => {
    const dir = path.join(REPO, 'packs/default');
    const docx = readdirSync(dir).filter((f) => f.endsWith('.docx'));
    expect(docx.length).toBeGreaterThan(3);
    for (const f of docx) {
      const fromDocx = templateReads(readFileSync(path.join(dir, f)), 'docx');
      expect(fromDocx, f).not.toBeNull();
      expect(sorted(fromDocx), f).toEqual(sorted(templateReads(readFileSync(path.join(dir, f.replace(/\.docx$/, '.md')), 'utf8'), 'text')));
    }
  });

  it('renders every incident template of the built-in pack the same from only the fields it reads', async () => {
    const project = await loadProject({ root: REPO, now: NOW });
    const dir = path.join(REPO, 'packs/default');
    const templates = readdirSync(dir).filter((f) => /\.(md|docx)$/.test(f) && !f.startsWith('register'));
    let compared = 0;
    for (const t of project.triaged) {
      const language = t.organisation.language === 'fr' ? 'fr' : 'nl';
      const data = incidentDocumentData({ incident: t.incident, outcome: t.outcome, organisation: t.organisation, language, date: NOW }) as unknown as Record<string, unknown>;
      for (const f of templates) {
        if ((language === 'fr') !== f.startsWith('lettre')) continue;
        const bytes = readFileSync(path.join(dir, f));
        const isDocx = f.endsWith('.docx');
        const reads = templateReads(isDocx ? bytes : bytes.toString('utf8'), isDocx ? 'docx' : 'text');
        expect(reads, f).not.toBeNull();
        const only = Object.fromEntries(Object.entries(data).filter(([k]) => reads!.has(k) || k.startsWith('$')));
        expect(Object.keys(only).length).toBeLessThan(Object.keys(data).length);
        const render = (d: object): string | { error: string } => {
          try {
            if (!isDocx) return renderText(bytes.toString('utf8'), d, { templatePath: f, escape: escapeMarkdown });
            return new PizZip(renderDocx(bytes, d, { templatePath: f, date: NOW })).file('word/document.xml')!.asText();
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(render(only), `${f} for ${t.incident.id}`).toEqual(render(data));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  }, 120_000);
});
