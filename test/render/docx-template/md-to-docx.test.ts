import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render.js';
import {
  markdownTemplateTitle,
  markdownTemplateToDocx,
  markdownTemplateToDocxParts,
} from '../../../src/render/docx-template/md-to-docx.js';
import { listTags, type TemplateTag } from '../../../src/render/template/tags.js';
import { assertWellFormed, entries, paragraphTexts, part, parts, wTexts } from './helpers.js';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const nl = { title: 'Melding datalek {incident.id}', language: 'nl' as const };
const ctx = { templatePath: 'test/render/docx-template/fixtures/brief.docx', incident: '2026-004' };

let savedEpoch: string | undefined;
beforeEach(() => {
  savedEpoch = process.env.SOURCE_DATE_EPOCH;
  delete process.env.SOURCE_DATE_EPOCH;
});
afterEach(() => {
  if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = savedEpoch;
});

/** The tags of a template as a set of "kind scope… tag" lines. */
function tagSet(tags: TemplateTag[], out = new Set<string>()): Set<string> {
  for (const t of tags) {
    out.add(`${t.kind} ${[...t.scope, t.tag].join(' > ')}`);
    if (t.children) tagSet(t.children, out);
  }
  return out;
}

const body = (docx: Uint8Array): string => {
  const m = /<w:body>([\s\S]*)<w:sectPr>[\s\S]*<\/w:sectPr><\/w:body><\/w:document>$/.exec(part(docx, 'word/document.xml'));
  if (!m) throw new Error('word/document.xml: no body ending in w:sectPr');
  return m[1]!;
};

const briefData = {
  incident: { id: '2026-004', aware_at: '2026-11-22T13:30:00Z' },
  betrokkene: { naam: 'ijsbrand de Vries' },
  aantal_betrokkenen: 1250,
  gegevens: ['naam', 'adres', 'BSN'],
  melding_ap: true,
  risico: 'high',
  maatregelen: [
    { titel: 'Wachtwoorden gewijzigd', gedaan_op: '2026-11-23' },
    { titel: 'Laptop <gewist> & "gemeld"', gedaan_op: '2026-11-24' },
  ],
  contact_email: 'privacy@kantoor.nl',
  fg: { naam_met_underscore_x: 'Mr. A. Jansen' },
  rijen: [
    { nummer: 1, omschrijving: 'Laptop kwijt', datum: '2026-11-20' },
    { nummer: 2, omschrijving: 'Mail verkeerd', datum: '2026-11-21' },
    { nummer: 3, omschrijving: 'USB-stick', datum: '2026-11-22' },
  ],
  organisatie: { naam: 'Van Dam & Zn. Advocaten' },
};

describe('markdownTemplateToDocx: the package', () => {
  const docx = markdownTemplateToDocx(fixture('brief.md'), nl);
  const all = parts(docx);

  it('has every part, each listed in [Content_Types].xml, and well-formed', () => {
    expect([...all.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'docProps/app.xml',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'word/numbering.xml',
      'word/settings.xml',
      'word/fontTable.xml',
      'word/footer1.xml',
    ]);
    const types = all.get('[Content_Types].xml')!;
    for (const name of all.keys()) {
      assertWellFormed(all.get(name)!, name);
      if (name.endsWith('.rels') || name === '[Content_Types].xml') continue;
      expect(types, name).toContain(`<Override PartName="/${name}" ContentType="`);
    }
    expect(types).toContain('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>');
    expect(entries(docx).every((e) => !e.dir)).toBe(true);
  });

  it('relationships point at parts that exist, with unique ids; every r:id is declared', () => {
    const check = (relsName: string, base: string): Set<string> => {
      const ids = new Set<string>();
      for (const m of all.get(relsName)!.matchAll(/<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"( TargetMode="External")?\/>/g)) {
        expect(ids.has(m[1]!), m[1]).toBe(false);
        ids.add(m[1]!);
        if (!m[3]) expect(all.has(base + m[2]!), m[2]).toBe(true);
      }
      return ids;
    };
    check('_rels/.rels', '');
    const ids = check('word/_rels/document.xml.rels', 'word/');
    const used = [...all.get('word/document.xml')!.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(ids.has(id), id).toBe(true);
    expect(all.get('word/_rels/document.xml.rels')).toContain(
      'Target="https://autoriteitpersoonsgegevens.nl/datalek" TargetMode="External"',
    );
  });

  it('A4, margins 25 mm top and 20 mm sides, footer referenced, w:sectPr last in the body', () => {
    const doc = all.get('word/document.xml')!;
    expect(doc).toMatch(
      /<w:sectPr><w:footerReference w:type="default" r:id="rId5"\/><w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="1417" w:right="1134" w:bottom="\d+" w:left="1134" [^>]*\/>.*<\/w:sectPr><\/w:body><\/w:document>$/,
    );
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(1);
  });

  it('styles: Calibri 10.5 pt, Dutch proofing language, headings, list and table styles', () => {
    const styles = all.get('word/styles.xml')!;
    expect(styles).toContain('<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="21"/>');
    expect(styles).toContain('<w:lang w:val="nl-NL"');
    for (const id of ['Normal', 'Heading1', 'Heading2', 'Heading3', 'ListParagraph', 'DatalekTabel', 'TabelKop', 'Footer']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    const used = new Set([...all.get('word/document.xml')!.matchAll(/w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"/g)].map((m) => m[1]!));
    for (const id of used) expect(styles, id).toContain(`w:styleId="${id}"`);
    expect(all.get('word/fontTable.xml')).toContain('<w:font w:name="Calibri">');
  });

  it('numbering: one bullet and one decimal list; numbers used in the document are defined', () => {
    const numbering = all.get('word/numbering.xml')!;
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering.match(/<w:abstractNum /g)).toHaveLength(2);
    for (const m of all.get('word/document.xml')!.matchAll(/<w:numId w:val="(\d+)"\/>/g)) {
      expect(numbering).toContain(`<w:num w:numId="${m[1]}">`);
    }
  });

  it('footer: "pagina X van Y" with PAGE and NUMPAGES fields', () => {
    const footer = all.get('word/footer1.xml')!;
    expect(footer).toMatch(/<w:t xml:space="preserve">pagina <\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> PAGE <\/w:instrText>/);
    expect(footer).toMatch(/<w:t xml:space="preserve"> van <\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES <\/w:instrText>/);
    expect(footer.match(/w:fldCharType="end"/g)).toHaveLength(2);
    expect(footer).not.toMatch(/[{}]/);
  });

  it('core properties: title and fixed date; the same input gives the same bytes', () => {
    const core = all.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Melding datalek {incident.id}</dc:title>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>');
    expect(markdownTemplateToDocx(fixture('brief.md'), nl)).toEqual(docx);
    for (const e of entries(docx)) {
      expect([e.date.getFullYear(), e.date.getMonth(), e.date.getDate(), e.date.getHours()], e.name).toEqual([2000, 0, 1, 0]);
    }
    const other = markdownTemplateToDocx(fixture('brief.md'), { ...nl, date: new Date('2026-03-01T12:00:00Z') });
    expect(other).not.toEqual(docx);
    expect(part(other, 'docProps/core.xml')).toContain('2026-03-01T12:00:00Z');
    expect(entries(other)[0]!.date.getHours()).toBe(12);
  });
});

describe('markdownTemplateToDocx: the body', () => {
  it('headings, paragraphs, bold/italic, line breaks, lists, section lines, rule, links', () => {
    const xml = body(markdownTemplateToDocx(fixture('brief.md'), nl));
    const texts = paragraphTexts(xml);
    expect(texts.slice(0, 6)).toEqual([
      'Melding datalek {incident.id}',
      'Beste {betrokkene.naam | hoofdletter},',
      // a soft line break is a space, as in the PDF
      'Op {incident.aware_at | datumtijd} ontdekten wij dat gegevens van {aantal_betrokkenen | aantal:"persoon":"personen"} zijn ingezien. Het ging om: {gegevens | lijst}. Geïnformeerd: {melding_ap | janee}.',
      'Wat wij hebben gedaan',
      '{#maatregelen.length > 0}',
      'Wij hebben deze maatregelen genomen:',
    ]);
    expect(xml).toContain('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Melding datalek </w:t></w:r>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/><w:noProof/></w:rPr><w:t xml:space="preserve">{incident.aware_at | datumtijd}</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/><w:noProof/></w:rPr><w:t xml:space="preserve">{gegevens | lijst}</w:t></w:r>');
    // __onze__ is bold; the underscores inside {fg.naam_met_underscore_x} are not emphasis
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">onze</w:t></w:r>');
    expect(texts).toContain('Neem contact op met onze functionaris: {fg.naam_met_underscore_x}.');
    // standalone section lines are paragraphs of their own
    for (const s of ['{#maatregelen}', '{/maatregelen}', '{/maatregelen.length > 0}', '{^maatregelen}', '{#melding_ap and risico == "high"}']) {
      expect(texts).toContain(s);
    }
    expect(xml).toContain(
      '<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{titel}</w:t></w:r>',
    );
    expect(xml.match(/<w:numId w:val="2"\/>/g)).toHaveLength(3);
    expect(xml).toContain('<w:pBdr><w:bottom w:val="single"');
    expect(xml).toContain('<w:hyperlink r:id="rId7" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">de uitleg</w:t></w:r></w:hyperlink>');
    expect(texts).toContain('Met vriendelijke groet,\n{organisatie.naam}');
    expect(texts.some((t) => t.includes('Een harde regel\nbreuk, en ĳsvogel café façade één.'))).toBe(true);
  });

  it('hostile text is escaped: <w:t>, &, ]]> stay text', () => {
    const xml = body(markdownTemplateToDocx(fixture('brief.md'), nl));
    assertWellFormed(`<w:body>${xml}</w:body>`, 'body');
    expect(xml).toContain('<w:rStyle w:val="CodeTekst"/></w:rPr><w:t xml:space="preserve">&lt;w:t&gt;</w:t>');
    expect(paragraphTexts(xml).some((t) => t.includes(' en <w:t>x</w:t> & & "aanhalingstekens" en \'apostrof\' ]]> blijft tekst.'))).toBe(
      true,
    );
    const raw = body(markdownTemplateToDocx('A <w:t>b</w:t></w:r></w:p> & &lt; &#123;x&#x7D; <!-- c -->\n\n<div class="x">\n<b>z</b>\n</div>\n', nl));
    assertWellFormed(`<w:body>${raw}</w:body>`, 'body');
    expect(paragraphTexts(raw)).toEqual([
      'A <w:t>b</w:t></w:r></w:p> & < &#123;x&#x7D; <!-- c -->',
      '<div class="x"> <b>z</b> </div>',
    ]);
  });

  it('every tag is whole in one run, and tag characters are never read as Markdown', () => {
    const md = '# T\n\n*{a_b_c}* and _{d_e}_ and {x * y} and {**not bold**} and `{code}` and {s | lijst}\n\n| A | B |\n|---|---|\n| {p | q} | {r_s_t} |\n';
    const xml = body(markdownTemplateToDocx(md, nl));
    for (const t of wTexts(xml)) {
      const open = (t.match(/\{/g) ?? []).length;
      expect((t.match(/\}/g) ?? []).length, t).toBe(open);
      if (open > 0) expect(t, t).toMatch(/^(\{[^{}]*\})+$/);
    }
    const texts = paragraphTexts(xml);
    expect(texts).toContain('{a_b_c} and {d_e} and {x * y} and {**not bold**} and {code} and {s | lijst}');
    expect(texts).toContain('{p | q}');
    expect(texts).toContain('{r_s_t}');
    expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/><w:noProof/></w:rPr><w:t xml:space="preserve">{a_b_c}</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/><w:noProof/></w:rPr><w:t xml:space="preserve">{d_e}</w:t></w:r>');
    expect(xml.match(/<w:tc>/g)).toHaveLength(4);
  });

  it('a table: header row marked tblHeader, borders, the row loop in ONE row', () => {
    const xml = body(markdownTemplateToDocx(fixture('brief.md'), nl));
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(table).toContain('<w:tblBorders><w:top w:val="single"');
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    const cells = [...rows[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => paragraphTexts(m[1]!).join('|'));
    expect(cells).toEqual(['{#rijen}{nummer}', '{omschrijving}', '{datum | datumkort}{/rijen}']);
    expect(table).toContain('<w:jc w:val="right"/>');
    expect(table).toContain('<w:jc w:val="center"/>');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1134);
  });

  it('section lines framing a table row move into that row', () => {
    const xml = body(markdownTemplateToDocx(fixture('register.md'), nl));
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(2);
    const cells = [...rows[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => paragraphTexts(m[1]!).join('|'));
    expect(cells).toEqual(['{#incidenten}{id}', '{aware_at | datumkort}', '{omschrijving}', '{melding_ap | janee}{/incidenten}']);
    expect(paragraphTexts(xml)).toContain('{^incidenten}');
  });

  it('numbered lists restart; a list split by section lines keeps counting; nesting uses levels', () => {
    const md = '1. a\n2. b\n\nTekst\n\n1. c\n{#x}\n2. d\n{/x}\n3. e\n\nTekst\n\n5. f\n\n- g\n  1. h\n  - i\n    - j\n';
    const parts = markdownTemplateToDocxParts(md, nl);
    const doc = parts.get('word/document.xml')!;
    const nums = [...doc.matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>.*?<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map(
      (m) => `${m[3]}:${m[1]}/${m[2]}`,
    );
    expect(nums).toEqual(['a:0/2', 'b:0/2', 'c:0/3', 'd:0/3', 'e:0/3', 'f:0/4', 'g:0/1', 'h:1/5', 'i:1/1', 'j:2/1']);
    const numbering = parts.get('word/numbering.xml')!;
    expect(numbering).toContain('<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>');
    expect(numbering).toContain('<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>');
    expect(numbering).toContain('<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/>');
    expect(paragraphTexts(doc)).toContain('{#x}');
  });

  it('nested section lines in a list item; task items; quotes and code', () => {
    const xml = body(markdownTemplateToDocx(fixture('lettre.md'), { title: 'Fuite', language: 'fr' }));
    expect(paragraphTexts(xml)).toEqual([
      'Fuite de données {incident.id}',
      'Madame, Monsieur,',
      'Le {incident.aware_at | dateheure}, nous avons constaté une fuite concernant {n | nombre:"personne":"personnes"} ({gegevens | liste}).',
      "Notification à l'autorité : {melding_ap | ouinon}.",
      'Mesures :',
      '{#mesures}',
      '{.}',
      '{/mesures}',
      'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
    ]);
    expect(xml).toContain('<w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{.}</w:t>');
    const more = body(markdownTemplateToDocx('- [ ] open\n- [x] klaar\n\n> Citaat {x}\n\n```\nregel 1\n{y}\n```\n', nl));
    expect(paragraphTexts(more)).toEqual(['\u2610 open', '\u2612 klaar', 'Citaat {x}', 'regel 1\n{y}']);
    expect(more).toContain('<w:pStyle w:val="Quote"/>');
    expect(more).toContain('<w:pStyle w:val="Codeblok"/>');
  });

  it('French: fr-BE and "page X sur Y"; an optional footer text', () => {
    const docx = markdownTemplateToDocx(fixture('lettre.md'), { title: 'Fuite', language: 'fr', footerText: '{organisation} & co' });
    expect(part(docx, 'word/styles.xml')).toContain('<w:lang w:val="fr-BE"');
    const footer = part(docx, 'word/footer1.xml');
    expect(paragraphTexts(footer)).toEqual(['{organisation} & co\tpage 1 sur 1']);
    expect(footer).toContain('<w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{organisation}</w:t></w:r>');
  });

  it('titles come from the first heading', () => {
    expect(markdownTemplateTitle(fixture('brief.md'))).toBe('Melding datalek {incident.id}');
    expect(markdownTemplateTitle('Tekst\n\n## Kop *{x_y}*\n')).toBe('Kop {x_y}');
    expect(markdownTemplateTitle('geen kop')).toBeUndefined();
  });
});

describe('the .docx template has the tags of the Markdown', () => {
  it.each(['brief.md', 'register.md', 'lettre.md'])('%s', (name) => {
    const md = fixture(name);
    const fromMd = listTags(md, 'text');
    const fromDocx = listTags(markdownTemplateToDocx(md, { title: markdownTemplateTitle(md)!, language: 'nl' }), 'docx');
    expect(fromMd.problems).toEqual([]);
    expect(fromDocx.problems).toEqual([]);
    expect(tagSet(fromDocx.tags)).toEqual(tagSet(fromMd.tags));
    expect(fromDocx.fields).toEqual(fromMd.fields);
    expect(fromDocx.filters).toEqual(fromMd.filters);
  });
});

describe('rendering the generated template with renderDocx', () => {
  const render = (md: string, data: object, language: 'nl' | 'fr' = 'nl'): Uint8Array =>
    renderDocx(markdownTemplateToDocx(md, { title: markdownTemplateTitle(md) ?? 'x', language }), data, ctx);

  it('fills every tag: loops repeat list items and table rows, sections vanish, values are escaped', () => {
    const out = render(fixture('brief.md'), briefData);
    const all = parts(out);
    for (const name of ['word/document.xml', 'word/footer1.xml', 'docProps/core.xml']) {
      expect(all.get(name), name).not.toMatch(/[{}]/);
      assertWellFormed(all.get(name)!, name);
    }
    expect(all.get('docProps/core.xml')).toContain('<dc:title>Melding datalek 2026-004</dc:title>');
    const xml = body(out);
    const texts = paragraphTexts(xml);
    expect(texts.slice(0, 8)).toEqual([
      'Melding datalek 2026-004',
      'Beste IJsbrand de Vries,',
      'Op 22 november 2026 om 14:30 uur ontdekten wij dat gegevens van 1.250 personen zijn ingezien. Het ging om: naam, adres en BSN. Geïnformeerd: ja.',
      'Wat wij hebben gedaan',
      'Wij hebben deze maatregelen genomen:',
      'Wachtwoorden gewijzigd (op 23 november 2026)',
      'Laptop <gewist> & "gemeld" (op 24 november 2026)',
      'Stappen voor u',
    ]);
    // the list item paragraph was repeated with its numbering
    expect(xml.match(/<w:numId w:val="1"\/>/g)).toHaveLength(2);
    expect(xml).toContain('Laptop &lt;gewist&gt; &amp; &quot;gemeld&quot;');
    // no section line is left, nor the inverted section's text
    expect(texts.filter((t) => t === '')).toEqual(['', '']); // the paragraph after the table and the rule
    expect(texts).not.toContain('Wij hebben nog geen maatregelen genomen.');
    expect(texts).toContain('Wij hebben de Autoriteit Persoonsgegevens ingelicht.');
    expect(texts.at(-1)).toBe('Met vriendelijke groet,\nVan Dam & Zn. Advocaten');

    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).map((r) => [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphTexts(c[1]!).join('')))).toEqual([
      ['1', 'Laptop kwijt', '20-11-2026'],
      ['2', 'Mail verkeerd', '21-11-2026'],
      ['3', 'USB-stick', '22-11-2026'],
    ]);
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
  });

  it('the other branches: no measures, no notification', () => {
    const out = render(fixture('brief.md'), { ...briefData, maatregelen: [], melding_ap: false, rijen: [] });
    const xml = body(out);
    expect(xml).not.toMatch(/[{}]/);
    const texts = paragraphTexts(xml);
    expect(texts).toContain('Wij hebben nog geen maatregelen genomen.');
    expect(texts).not.toContain('Wij hebben deze maatregelen genomen:');
    expect(texts).not.toContain('Wij hebben de Autoriteit Persoonsgegevens ingelicht.');
    const rows = [...xml.matchAll(/<w:tr>/g)];
    expect(rows).toHaveLength(1); // the header row stays
  });

  it('a register: row loop from section lines around a row, and the empty case', () => {
    const data = {
      organisatie: { naam: 'Boekhouding Claes' },
      peildatum: '2026-12-31',
      incidenten: [
        { id: '2026-001', aware_at: '2026-01-05T09:00:00Z', omschrijving: 'Phishing', melding_ap: false },
        { id: '2026-002', aware_at: '2026-02-10T09:00:00Z', omschrijving: 'Inbraak', melding_ap: true },
      ],
    };
    const xml = body(render(fixture('register.md'), data));
    expect(xml).not.toMatch(/[{}]/);
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => paragraphTexts(m[1]!).join(' | '));
    expect(rows).toEqual([
      'Nummer | Ontdekt | Omschrijving | Gemeld AP',
      '2026-001 | 05-01-2026 | Phishing | nee',
      '2026-002 | 10-02-2026 | Inbraak | ja',
    ]);
    expect(paragraphTexts(xml)).not.toContain('Geen incidenten geregistreerd.');
    const empty = paragraphTexts(body(render(fixture('register.md'), { ...data, incidenten: [] })));
    expect(empty).toContain('Geen incidenten geregistreerd.');
  });

  it('French letter with a nested loop inside a list item', () => {
    const xml = body(
      render(
        fixture('lettre.md'),
        {
          incident: { id: 'B-7', aware_at: '2026-07-01T08:15:00Z' },
          n: 12,
          gegevens: ['nom', 'adresse'],
          melding_ap: true,
          mesures: ['mots de passe changés', 'serveur isolé'],
        },
        'fr',
      ),
    );
    expect(xml).not.toMatch(/[{}]/);
    expect(paragraphTexts(xml)).toEqual([
      'Fuite de données B-7',
      'Madame, Monsieur,',
      'Le 1er juillet 2026 à 10h15, nous avons constaté une fuite concernant 12 personnes (nom et adresse).',
      "Notification à l'autorité : oui.",
      'Mesures :',
      'mots de passe changés',
      'serveur isolé',
      'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
    ]);
  });

  it('rendering is byte-identical twice', () => {
    expect(render(fixture('brief.md'), briefData)).toEqual(render(fixture('brief.md'), briefData));
  });
});

describe('section lines and tables, more shapes', () => {
  const rowsOf = (md: string): string[][] =>
    [...body(markdownTemplateToDocx(md, nl)).matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphTexts(c[1]!).join('|')),
    );

  it('tables without outer pipes, several tags on the lines, nested loops, a closing tag with no opener', () => {
    expect(rowsOf('A | B\n--- | ---\n{#r}\n{#s}\n{x} | {y | datum}\n{/s}\n{/r}\n')).toEqual([
      ['A', 'B'],
      ['{#r}{#s}{x}', '{y | datum}{/s}{/r}'],
    ]);
    expect(rowsOf('| A | B |\n|---|---|\n| {#a}vast | rij |\n{/a}{#b}\n| {x} | {y} |\n{/b}\n')).toEqual([
      ['A', 'B'],
      ['{#a}vast', 'rij{/a}'],
      ['{#b}{x}', '{y}{/b}'],
    ]);
    // {/z} opens nowhere in the table: it stays a paragraph, after the table
    const xml = body(markdownTemplateToDocx('| A | B |\n|---|---|\n| {#r}{x} | {y} |\n{/r}\n{/z}\n', nl));
    expect(paragraphTexts(xml).slice(-1)).toEqual(['{/z}']);
    expect(paragraphTexts(xml)).toContain('{y}{/r}');
  });

  it('a section line next to a paragraph that only has pipes inside tags stays a paragraph', () => {
    const xml = body(markdownTemplateToDocx('| A |\n|---|\n| {x} |\n{#c}\nOp {d | datum}\n{/c}\n', nl));
    expect(paragraphTexts(xml).slice(-3)).toEqual(['{#c}', 'Op {d | datum}', '{/c}']);
  });

  it('a section line indented into a paragraph still gets a paragraph of its own', () => {
    const xml = body(markdownTemplateToDocx('Tekst\n    {#x}\nmeer\n{/x}\n', nl));
    expect(paragraphTexts(xml)).toEqual(['Tekst', '{#x}', 'meer', '{/x}']);
    const out = paragraphTexts(body(renderDocx(markdownTemplateToDocx('Tekst\n    {#x}\nmeer\n{/x}\n', { ...nl, title: 'T' }), { x: false }, ctx)));
    expect(out).toEqual(['Tekst']);
  });

  it('a condition around a whole table', () => {
    const md = 'Voor\n\n{#toon}\n| A | B |\n|---|---|\n{#r}\n| {.} | - |\n{/r}\n{/toon}\n\nNa\n';
    const render = (data: object): string[] => paragraphTexts(body(renderDocx(markdownTemplateToDocx(md, { ...nl, title: 'T' }), data, ctx)));
    expect(render({ toon: true, r: ['x', 'y'] })).toEqual(['Voor', 'A', 'B', 'x', '-', 'y', '-', '', 'Na']);
    expect(render({ toon: false, r: [] })).toEqual(['Voor', 'Na']);
  });
});

describe('section lines in lists', () => {
  it('a section line at column 0 above a nested item keeps the item nested', () => {
    const md = '- **Aard:**\n{#aard}\n  - {.}\n{/aard}\n- **Soort:** {soort}\n';
    const xml = body(markdownTemplateToDocx(md, nl));
    expect(paragraphTexts(xml)).toEqual(['Aard:', '{#aard}', '{.}', '{/aard}', 'Soort: {soort}']);
    expect([...xml.matchAll(/<w:ilvl w:val="(\d)"\/>/g)].map((m) => m[1])).toEqual(['0', '1', '0']);
    const out = body(renderDocx(markdownTemplateToDocx(md, { ...nl, title: 'T' }), { aard: ['a', 'b'], soort: 's' }, ctx));
    expect(paragraphTexts(out)).toEqual(['Aard:', 'a', 'b', 'Soort: s']);
    expect([...out.matchAll(/<w:ilvl w:val="(\d)"\/>/g)].map((m) => m[1])).toEqual(['0', '1', '1', '0']);
  });
});

describe('Markdown next to tags', () => {
  it('emphasis closes next to a section tag, as it does once the tag printed nothing', () => {
    const xml = body(markdownTemplateToDocx('- {tekst}{#g} *({gevolg})*{/g}\n\n**{#a}vet{/a}** en _{x}_\n', nl));
    expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">(</w:t></w:r><w:r><w:rPr><w:i/><w:iCs/><w:noProof/></w:rPr><w:t xml:space="preserve">{gevolg}</w:t></w:r>');
    expect(paragraphTexts(xml)).toEqual(['{tekst}{#g} ({gevolg}){/g}', '{#a}vet{/a} en {x}']);
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">vet</w:t></w:r>');
  });

  it('links with tags: in the text a hyperlink, in the address shown after the text', () => {
    const xml = body(markdownTemplateToDocx('[{naam}](https://example.nl) en [site](https://example.nl/{pad}) en [{url}]({url})\n', nl));
    expect(paragraphTexts(xml)).toEqual(['{naam} en site (https://example.nl/{pad}) en {url}']);
    expect(xml).toContain('<w:hyperlink r:id="rId6" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:noProof/></w:rPr><w:t xml:space="preserve">{naam}</w:t></w:r></w:hyperlink>');
  });

  it('characters the converter uses for placeholders come through unchanged', () => {
    const xml = body(markdownTemplateToDocx('a \ue000 b \ue001 \ue002 \ue003 \u2e28 1 \u2e29 \u2e281\u2e29 {x}\n', nl));
    expect(paragraphTexts(xml)).toEqual(['a \ue000 b \ue001 \ue002 \ue003 \u2e28 1 \u2e29 \u2e281\u2e29 {x}']);
  });
});

describe('page and table layout', () => {
  const grid = (xml: string): number[] => [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));

  it('landscape on request: page, footer tab and table width follow', () => {
    const docx = markdownTemplateToDocx(fixture('register.md'), { ...nl, orientation: 'landscape' });
    const doc = part(docx, 'word/document.xml');
    expect(doc).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(doc).toContain('<w:tblW w:w="14570" w:type="dxa"/>');
    expect(grid(doc).reduce((a, b) => a + b, 0)).toBe(14570);
    expect(part(docx, 'word/footer1.xml')).toContain('<w:tab w:val="right" w:pos="14570"/>');
    expect(part(markdownTemplateToDocx(fixture('register.md'), nl), 'word/footer1.xml')).toContain('<w:tab w:val="right" w:pos="9638"/>');
  });

  it('column widths: every column keeps its longest word, long text gets the rest', () => {
    const md = '| Nr. | Ontdekt | Omschrijving |\n|---|---|---|\n| {nummer} | {d | datumkort} | {feiten} en nog een lange zin met veel woorden erin die doorloopt |\n';
    const [nr, ontdekt, tekst] = grid(markdownTemplateToDocxParts(md, nl).get('word/document.xml')!);
    expect(nr).toBeGreaterThanOrEqual(8 * 100 + 260);
    expect(ontdekt).toBeGreaterThanOrEqual(10 * 100 + 260);
    expect(tekst).toBeGreaterThan(nr! + ontdekt!);
    expect(nr! + ontdekt! + tekst!).toBe(9638);
  });

});
