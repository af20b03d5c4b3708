/** lintPack: one fixture project with one of each problem, and table-driven scope cases. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintPack, loadPackChain, type PackChain } from '../../src/packs/index.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { makeDocx, p } from '../render/docx/minimal-docx.js';
import { FIXTURES, tempProject } from './helpers.js';

const KNOWN = new Set([
  'organisatie.naam',
  'organisatie.adres.plaats',
  'incident.id',
  'incident.ontdekt_op',
  'maatregelen.omschrijving',
  'maatregelen.datum',
  'betrokkenen.aantal',
  'incidenten.id',
]);

const ROOT = path.join(FIXTURES, 'lint');

async function chainFor(root: string, language = 'nl', ext = '../../federatie'): Promise<PackChain> {
  const r = await loadPackChain({
    projectRoot: root,
    organisationDir: 'templates/kantoor',
    organisation: { id: 'kantoor', language, extends: ext },
    defaultPackDir: path.join(root, 'standaard'),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  return r.chain;
}

const line = (d: Diagnostic) => `${d.code} ${d.severity} ${d.file}:${d.line}:${d.column} ${d.field}`;

describe('lintPack on the fixture project', () => {
  it('reports each problem once, where it is', async () => {
    const diagnostics = await lintPack(await chainFor(ROOT), { knownFields: KNOWN });
    expect(diagnostics.map(line)).toEqual([
      'DL-PACK-WHEN-SYNTAX error federatie/pack.yaml:8:11 documents.melding-verzekeraar.when',
      'DL-PACK-WHEN-UNKNOWN-FIELD warning federatie/pack.yaml:16:11 documents.kwartaal.when',
      'DL-PACK-FORMAT-WITHOUT-TEMPLATE error federatie/pack.yaml:17:14 documents.kwartaal.formats',
      'DL-TEMPLATE-NOT-FOUND error federatie/pack.yaml:27:13 documents.ontbrekend.templates',
      'DL-TEMPLATE-FIELDS-DIFFER warning standaard/brief-betrokkene.docx:0:0 ',
      'DL-TEMPLATE-UNKNOWN-FIELD error standaard/lettre.md:4:20 omschrjiving',
      'DL-TEMPLATE-UNKNOWN-FIELD error standaard/lettre.md:6:1 organisatie.nam',
      'DL-TEMPLATE-SYNTAX error templates/kantoor/kapot.md:3:1 maatregelen',
    ]);
    const msg = (code: string, n = 0) => diagnostics.filter((d) => d.code === code)[n]!.message;
    expect(msg('DL-PACK-WHEN-SYNTAX')).toMatch(/^the condition \(when\) of 'melding-verzekeraar' cannot be read: .*Unexpected end of expression/);
    expect(msg('DL-PACK-WHEN-UNKNOWN-FIELD')).toBe(
      "the condition (when) of 'kwartaal' reads 'triag.breach', which is not in the condition data; did you mean 'triage.breach'?",
    );
    expect(msg('DL-PACK-FORMAT-WITHOUT-TEMPLATE')).toBe("the document 'kwartaal' is made as docx, but has no docx template (for nl)");
    expect(msg('DL-TEMPLATE-NOT-FOUND')).toBe("no md template for 'ontbrekend' (nl); tried: templates/kantoor/ontbreekt.md, federatie/ontbreekt.md");
    expect(msg('DL-TEMPLATE-FIELDS-DIFFER')).toBe(
      "the Word (standaard/brief-betrokkene.docx) and Markdown (standaard/brief-betrokkene.md) templates of 'brief-betrokkene' (nl) use different fields: only in Markdown: incident.ontdekt_op, maatregelen.datum, organisatie.adres.plaats",
    );
    expect(msg('DL-TEMPLATE-UNKNOWN-FIELD', 0)).toBe("the tag {omschrjiving} reads 'omschrjiving', which the document data does not have; did you mean 'omschrijving'?");
    expect(msg('DL-TEMPLATE-UNKNOWN-FIELD', 1)).toBe("the tag {organisatie.nam} reads 'organisatie.nam', which the document data does not have; did you mean 'organisatie.naam'?");
    expect(msg('DL-TEMPLATE-SYNTAX')).toMatch(/unclosed/);
  });

  it('warns a French office about documents that come out in Dutch', async () => {
    const diagnostics = await lintPack(await chainFor(ROOT, 'fr'), { knownFields: KNOWN });
    const fallbacks = diagnostics.filter((d) => d.code === 'DL-PACK-LANGUAGE-FALLBACK');
    expect(fallbacks.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      "federatie/pack.yaml:12 the document 'melding-verzekeraar' has no md template in fr; the Dutch one is used",
      "federatie/pack.yaml:20 the document 'kwartaal' has no md template in fr; the Dutch one is used",
      "federatie/pack.yaml:27 the document 'ontbrekend' has no md template in fr; the Dutch one is used",
      "standaard/pack.yaml:11 the document 'brief-betrokkene' has no docx template in fr; the Dutch one is used",
      "templates/kantoor/pack.yaml:8 the document 'eigen-brief' has no md template in fr; the Dutch one is used",
    ]);
  });

  it('without the federation, its problems are gone', async () => {
    const diagnostics = await lintPack(await chainFor(ROOT, 'nl', 'datalek-standaard'), {
      knownFields: new Set([...KNOWN, 'descriptoin']),
    });
    // the office's broken template and the default's own problems remain; no federation problems
    expect(diagnostics.filter((d) => d.file.startsWith('federatie/'))).toEqual([]);
  });
});

describe('lintPack: fields inside sections', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  async function unknownIn(template: string | Uint8Array, known: string[], docx?: Uint8Array): Promise<string[]> {
    const files: Record<string, string | Uint8Array> = {
      'templates/kantoor/organisation.yaml': 'id: kantoor\nlanguage: nl\n',
      'standaard/pack.yaml': [
        'name: datalek-standaard',
        'version: 1.0.0',
        'documents:',
        '  doc:',
        '    title: Doc',
        '    scope: incident',
        `    formats: [${docx ? 'docx' : 'pdf'}]`,
        '    templates:',
        `      nl: { ${docx ? 'docx: doc.docx' : 'md: doc.md'} }`,
        '',
      ].join('\n'),
    };
    if (docx) files['standaard/doc.docx'] = docx;
    else files['standaard/doc.md'] = template;
    const { root, cleanup } = tempProject(files);
    cleanups.push(cleanup);
    const r = await loadPackChain({ projectRoot: root, organisationDir: 'templates/kantoor', organisation: { id: 'kantoor', language: 'nl' }, defaultPackDir: path.join(root, 'standaard') });
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const d = await lintPack(r.chain, { knownFields: new Set(known) });
    return d.map((x) => (x.code === 'DL-TEMPLATE-UNKNOWN-FIELD' ? `${x.field}@${x.line}` : x.code === 'DL-TEMPLATE-ENCODING' ? `${x.code}@${x.line}:${x.column}` : x.code));
  }

  // [what, template, known fields, unknown reported (path@line)]
  const cases: [string, string, string[], string[]][] = [
    ['top level', '{a.b} {a.c}', ['a.b'], ['a.c@1']],
    ['a group is known through its fields', '{#a}{b}{/a} {a}', ['a.b'], []],
    ['item field', '{#rows}\n{naam}\n{/rows}', ['rows.naam'], []],
    ['item field unknown', '{#rows}\n{nam}\n{/rows}', ['rows.naam'], ['nam@2']],
    ['top-level field inside a loop', '{#rows}{titel}{/rows}', ['rows.naam', 'titel'], []],
    ['nested loops', '{#a}{#b}{c}{/b}{/a}', ['a.b.c'], []],
    ['nested: outer item field inside inner loop', '{#a}{#b}{x}{/b}{/a}', ['a.b.c', 'a.x'], []],
    ['nested: relative path inside', '{#a}{b.c}{/a}', ['a.b.c'], []],
    ['inner loop on a top-level list', '{#a}{#lijst}{n}{/lijst}{/a}', ['a.z', 'lijst.n'], []],
    ['a condition opens no scope', '{#teller > 1}{naam}{/}', ['teller', 'rows.naam'], ['naam@1']],
    ['inverted section', '{^rows}geen{/rows}', ['rows.naam'], []],
    ['index paths', '{rows[0].naam}', ['rows.naam'], []],
    ['$index and this are fine', '{#rows}{$index}{.}{/rows}', ['rows.naam'], []],
    ['filters with arguments', '{n | aantal:"persoon":"personen"}', ['n'], []],
    ['a path in a filter argument', '{n | bereik:max}', ['n'], ['max@1']],
  ];

  it.each(cases)('%s', async (_what, template, known, expected) => {
    expect(await unknownIn(template, known)).toEqual(expected);
  });

  it('reports a Markdown template that is not UTF-8 where its first bad byte is, and nothing else about it', async () => {
    // "Geachte heer" on line 2, then a Latin-1 e-diaeresis (one byte, 0xEB) in "Belgi\u00eb"
    const latin1 = Buffer.from('# Brief\nGeachte heer {naam},\nuw kantoor in Belgi\u00eb {onbekend}\n', 'latin1');
    expect(await unknownIn(latin1, ['naam'])).toEqual(['DL-TEMPLATE-ENCODING@3:20']);
    // the same text as UTF-8 is read, and its unknown field is found
    expect(await unknownIn(Buffer.from(latin1.toString('latin1'), 'utf8'), ['naam'])).toEqual(['onbekend@3']);
  });

  it('works for Word templates too, split runs included', async () => {
    const docx = makeDocx(
      p('{organisatie.naam}') +
        '<w:p><w:r><w:t>{organisatie.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>nam}</w:t></w:r></w:p>' +
        p('{#maatregelen}{omschrijving}{/maatregelen}'),
    );
    expect(await unknownIn('', ['organisatie.naam', 'maatregelen.omschrijving'], docx)).toEqual(['organisatie.nam@0']);
  });
});
