import PizZip from 'pizzip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDocx, zipEntryDate } from '../../../src/render/docx/render.js';
import { TemplateError } from '../../../src/render/template/errors.js';
import { listTags } from '../../../src/render/template/tags.js';
import { bodyXml, makeDocx, p, partXml, table, tr, visibleText } from './minimal-docx.js';

const ctx = { templatePath: 'templates/_default/melding.docx', incident: '2026-004' };

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (text: string): string => `<w:p>${run(text)}</w:p>`;

let savedEpoch: string | undefined;
beforeEach(() => {
  savedEpoch = process.env.SOURCE_DATE_EPOCH;
  delete process.env.SOURCE_DATE_EPOCH;
});
afterEach(() => {
  if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = savedEpoch;
});

describe('renderDocx', () => {
  it('renders values with filters; word/document.xml compared as text', () => {
    const template = makeDocx(p('Incident {incident.id}, ontdekt op {aware_at | datumtijd}.') + p('{organisatie}'));
    const out = renderDocx(
      template,
      { incident: { id: '2026-004' }, aware_at: '2026-11-22T13:30:00Z', organisatie: 'Van Dam Advocaten' },
      ctx,
    );
    expect(bodyXml(out)).toBe(
      para('Incident 2026-004, ontdekt op 22 november 2026 om 14:30 uur.') + para('Van Dam Advocaten'),
    );
  });

  it('loops a table row: {#rows} in the first cell, {/rows} in the last', () => {
    const template = makeDocx(
      table(tr('Naam', 'Aantal'), tr('{#rows}{naam}', '{n | aantal:"persoon":"personen"}{/rows}'), tr('Totaal', '{totaal | aantal}')),
    );
    const out = renderDocx(
      template,
      { rows: [{ naam: 'Klanten', n: 1250 }, { naam: 'Medewerkers', n: 1 }], totaal: 1251 },
      ctx,
    );
    const cell = (t: string): string => `<w:tc>${para(t)}</w:tc>`;
    expect(bodyXml(out)).toBe(
      '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>' +
        `<w:tr>${cell('Naam')}${cell('Aantal')}</w:tr>` +
        `<w:tr>${cell('Klanten')}${cell('1.250 personen')}</w:tr>` +
        `<w:tr>${cell('Medewerkers')}${cell('1 persoon')}</w:tr>` +
        `<w:tr>${cell('Totaal')}${cell('1.251')}</w:tr>` +
        '</w:tbl>',
    );
  });

  it('paragraph loops and conditions leave no empty paragraphs (paragraphLoop)', () => {
    const template = makeDocx(
      p('Maatregelen:') + p('{#items}') + p('- {.}') + p('{/items}') + p('{#ap}') + p('Gemeld bij de AP.') + p('{/ap}') + p('Einde'),
    );
    expect(bodyXml(renderDocx(template, { items: ['a', 'b'], ap: false }, ctx))).toBe(
      para('Maatregelen:') + para('- a') + para('- b') + para('Einde'),
    );
  });

  it('data is XML-escaped by docxtemplater: <w:t>, &, ]]> come out literally', () => {
    const hostile = '<w:t>x</w:t></w:r></w:p><w:p> & ]]> "q" \'a\' <![CDATA[y]]>';
    const out = renderDocx(makeDocx(p('{v}')), { v: hostile }, ctx);
    const xml = bodyXml(out);
    expect(xml).toBe(
      para('&lt;w:t&gt;x&lt;/w:t&gt;&lt;/w:r&gt;&lt;/w:p&gt;&lt;w:p&gt; &amp; ]]&gt; &quot;q&quot; &apos;a&apos; &lt;![CDATA[y]]&gt;'),
    );
    expect(visibleText(xml)).toBe(`${hostile}\n`);
    // still one paragraph, and the whole part is still well-formed enough for a second pass
    expect(xml.match(/<w:p>/g)).toHaveLength(1);
    expect(() => new PizZip(out)).not.toThrow();
  });

  it('a line break in a value becomes <w:br/> (linebreaks)', () => {
    const out = renderDocx(makeDocx(p('{adres}')), { adres: 'Straat 1\n1234 AB Plaats' }, ctx);
    expect(bodyXml(out)).toBe(`<w:p>${run('Straat 1')}<w:r><w:br/></w:r>${run('1234 AB Plaats')}</w:p>`);
  });

  it('finds tags that Word split across runs', () => {
    const template = makeDocx(`<w:p>${run('Beste {na')}<w:r><w:rPr><w:b/></w:rPr><w:t>am</w:t></w:r>${run('}, welkom')}</w:p>`);
    const out = renderDocx(template, { naam: 'Jan' }, ctx);
    expect(visibleText(bodyXml(out))).toBe('Beste Jan, welkom\n');
    expect(listTags(template, 'docx').fields).toEqual(['naam']);
  });

  it('is byte-identical across renders, with a fixed zip date', () => {
    const template = makeDocx(p('{a}') + table(tr('{#rows}{.}', '{/rows}')));
    const data = { a: 'x', rows: ['1', '2'] };
    const one = renderDocx(template, data, ctx);
    const two = renderDocx(template, data, ctx);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    for (const f of Object.values(new PizZip(one).files)) {
      expect([f.date.getFullYear(), f.date.getMonth(), f.date.getDate(), f.date.getHours()]).toEqual([2000, 0, 1, 0]);
    }
  });

  it('uses ctx.date when given (the caller decides), else SOURCE_DATE_EPOCH', () => {
    const template = makeDocx(p('{a}'));
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2024, 4, 6, 7, 8, 10) / 1000);
    const a = renderDocx(template, { a: 'x' }, { ...ctx, date: new Date('2026-03-01T12:00:00Z') });
    const d = Object.values(new PizZip(a).files)[0]!.date;
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours()]).toEqual([2026, 3, 1, 12]);

    const b = renderDocx(template, { a: 'x' }, ctx);
    const e = Object.values(new PizZip(b).files)[0]!.date;
    expect([e.getFullYear(), e.getMonth() + 1, e.getDate(), e.getHours(), e.getMinutes(), e.getSeconds()]).toEqual([2024, 5, 6, 7, 8, 10]);
    expect(Buffer.from(b).equals(Buffer.from(renderDocx(template, { a: 'x' }, ctx)))).toBe(true);

    process.env.SOURCE_DATE_EPOCH = 'gisteren';
    expect(errorOf(() => renderDocx(template, { a: 'x' }, ctx)).code).toBe('DL-SOURCE-DATE-EPOCH');
  });

  it('zip dates do not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      const fields: number[][] = [];
      for (const tz of ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        const d = zipEntryDate({ date: new Date('2026-07-01T23:30:04Z') });
        fields.push([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()]);
      }
      expect(new Set(fields.map((f) => f.join()))).toEqual(new Set(['2026,6,1,23,30,4']));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    // clamped to what a zip can hold
    expect(zipEntryDate({ sourceDateEpoch: '0' }).getFullYear()).toBe(1980);
  });

  it('keeps every other part as it was', () => {
    const template = makeDocx({ body: p('{a}'), header: p('Kop') });
    const out = renderDocx(template, { a: 'x' }, ctx);
    expect(partXml(out, 'word/header1.xml')).toBe(partXml(template, 'word/header1.xml'));
    expect(partXml(out, '[Content_Types].xml')).toBe(partXml(template, '[Content_Types].xml'));
  });
});

describe('renderDocx errors', () => {
  it('missing values: every one, naming tag, part, template and incident', () => {
    const template = makeDocx({ body: p('Beste {naam},') + p('{#rows}{x}{/rows}') + p('{datum_ontdekt | datum}'), header: p('Zaak {zaak}') });
    const e = errorOf(() => renderDocx(template, { rows: [{}, {}] }, ctx));
    expect(e.templatePath).toBe(ctx.templatePath);
    expect(e.incident).toBe('2026-004');
    expect(e.problems.map((q) => [q.code, q.xtag, q.part])).toEqual([
      ['DL-TEMPLATE-MISSING-VALUE', 'naam', 'word/document.xml'],
      ['DL-TEMPLATE-MISSING-VALUE', 'x', 'word/document.xml'],
      ['DL-TEMPLATE-MISSING-VALUE', 'datum_ontdekt | datum', 'word/document.xml'],
      ['DL-TEMPLATE-MISSING-VALUE', 'zaak', 'word/header1.xml'],
    ]);
    expect(e.problems.every((q) => q.incident === '2026-004' && q.templatePath === ctx.templatePath)).toBe(true);
    expect(e.message).toContain('templates/_default/melding.docx: 4 template problems (incident 2026-004)');
  });

  it('objects and lists printed as text are errors', () => {
    const e = errorOf(() => renderDocx(makeDocx(p('{o}') + p('{l}')), { o: { a: 1 }, l: [1] }, ctx));
    expect(e.problems.map((q) => q.code)).toEqual(['DL-TEMPLATE-NOT-SCALAR', 'DL-TEMPLATE-NOT-SCALAR']);
  });

  it('syntax errors and unknown filters, all at once', () => {
    const e = errorOf(() => renderDocx(makeDocx(p('{#a}') + p('{b | nope}') + p('{c d}') + p('{/x}')), {}, ctx));
    const codes = e.problems.map((q) => q.code);
    expect(codes).toContain('DL-TEMPLATE-SYNTAX');
    expect(codes).toContain('DL-TEMPLATE-UNKNOWN-FILTER');
    expect(e.problems.find((q) => q.code === 'DL-TEMPLATE-UNKNOWN-FILTER')!.xtag).toBe('b | nope');
  });

  it('the same sandbox as text templates', () => {
    const e = errorOf(() => renderDocx(makeDocx(p("{constructor.constructor('return process')()}") + p('{a = 1}')), {}, ctx));
    expect(e.problems.map((q) => q.code)).toEqual(['DL-TEMPLATE-FORBIDDEN', 'DL-TEMPLATE-FORBIDDEN']);
  });

  it('raw XML tags are refused', () => {
    const e = errorOf(() => renderDocx(makeDocx(p('{@xml}')), { xml: '<w:p><w:r><w:t>x</w:t></w:r></w:p>' }, ctx));
    expect(e.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-FORBIDDEN', xtag: 'xml' });
  });

  it('control characters in data are a bad value', () => {
    const e = errorOf(() => renderDocx(makeDocx(p('{v}')), { v: 'a\u0001b' }, ctx));
    expect(e.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-BAD-VALUE', xtag: 'v' });
  });

  it('not a docx: not a zip, or a zip without word/document.xml', () => {
    const notZip = errorOf(() => renderDocx(new TextEncoder().encode('# Markdown, not Word'), {}, ctx));
    expect(notZip.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-NOT-A-DOCX', id: 'not_a_zip', templatePath: ctx.templatePath });

    const zip = new PizZip();
    zip.file('hello.txt', 'hi');
    const noDoc = errorOf(() => renderDocx(zip.generate({ type: 'uint8array' }), {}, ctx));
    expect(noDoc.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-NOT-A-DOCX', id: 'no_document_xml' });

    const bomb = new PizZip(makeDocx(p('x')));
    bomb.file('word/media/zeros.bin', new Uint8Array(65 * 1024 * 1024));
    const big = errorOf(() => renderDocx(bomb.generate({ type: 'uint8array', compression: 'DEFLATE' }), {}, ctx));
    expect(big.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-TOO-LARGE', id: 'too_large' });

    const broken = new PizZip(makeDocx(p('x')));
    broken.file('word/document.xml', '<w:document><w:body><w:p><w:r><w:t');
    const bad = errorOf(() => renderDocx(broken.generate({ type: 'uint8array' }), {}, ctx));
    expect(bad.problems[0]!.code).toBe('DL-TEMPLATE-NOT-A-DOCX');
  });
});
