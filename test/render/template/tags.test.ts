import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listTags } from '../../../src/render/template/tags.js';
import { makeDocx, p, table, tr } from '../docx/minimal-docx.js';

const fixtures = fileURLToPath(new URL('../../fixtures/render-template/', import.meta.url));

describe('listTags (text)', () => {
  it('lists names, sections and filters, with scope and position', () => {
    const t = 'Beste {naam | hoofdletter},\n{#rows}\n- {titel} op {gedaan_op | datum}\n{/rows}\n{^rows}geen{/rows}\n{#count > 100 and ap}veel{/}';
    const r = listTags(t, 'text', { templatePath: 'brief.md' });
    expect(r.problems).toEqual([]);
    expect(r.fields).toEqual(['ap', 'count', 'gedaan_op', 'naam', 'rows', 'titel']);
    expect(r.sections).toEqual(['count > 100 and ap', 'rows']);
    expect(r.filters).toEqual(['datum', 'hoofdletter']);
    expect(r.tags.map((x) => [x.tag, x.kind, x.line, x.column])).toEqual([
      ['naam | hoofdletter', 'value', 1, 7],
      ['rows', 'section', 2, 1],
      ['rows', 'inverted', 5, 1],
      ['count > 100 and ap', 'section', 6, 1],
    ]);
    const rows = r.tags[1]!;
    expect(rows.children!.map((c) => [c.tag, c.scope, c.paths, c.filters, c.line])).toEqual([
      ['titel', ['rows'], ['titel'], [], 3],
      ['gedaan_op | datum', ['rows'], ['gedaan_op'], ['datum'], 3],
    ]);
  });

  it('nested sections', () => {
    const r = listTags('{#a}{#b}{c.d}{/b}{/a}{e}', 'text');
    expect(r.tags).toHaveLength(2);
    expect(r.tags[0]!.children![0]!.children![0]).toMatchObject({ tag: 'c.d', scope: ['a', 'b'], paths: ['c.d'] });
    expect(r.fields).toEqual(['a', 'b', 'c.d', 'e']);
  });

  it('reports problems instead of throwing', () => {
    const r = listTags('{a | nope}\n{b = 1}\n{c d}\n', 'text', { templatePath: 'x.md' });
    expect(r.problems.map((q) => [q.code, q.xtag, q.line])).toEqual([
      ['DL-TEMPLATE-UNKNOWN-FILTER', 'a | nope', 1],
      ['DL-TEMPLATE-FORBIDDEN', 'b = 1', 2],
      ['DL-TEMPLATE-SYNTAX', 'c d', 3],
    ]);
    const broken = listTags('{#a}\n{b}\n', 'text', { templatePath: 'x.md' });
    expect(broken.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-SYNTAX', templatePath: 'x.md' });
  });

  it('the letter fixture', () => {
    const r = listTags(readFileSync(fixtures + 'brief-betrokkene.md', 'utf8'), 'text');
    expect(r.problems).toEqual([]);
    expect(r.fields).toEqual([
      'aantal_betrokkenen',
      'betrokkene.naam',
      'gedaan_op',
      'gegevens',
      'incident.aware_at',
      'incident.id',
      'maatregelen',
      'maatregelen.length',
      'melding_ap',
      'organisatie.naam',
      'risico',
      'titel',
    ]);
    expect(r.filters).toEqual(['aantal', 'datum', 'datumtijd', 'hoofdletter', 'lijst']);
  });
});

describe('listTags (docx)', () => {
  it('lists tags of the body and of headers, with their part; table-row loops nest', () => {
    const docx = makeDocx({
      body: p('Incident {incident.id} op {aware_at | datum}') + table(tr('{#rows}{naam}', '{n | aantal}{/rows}')),
      header: p('Zaak {zaak}'),
    });
    const r = listTags(docx, 'docx', { templatePath: 'melding.docx' });
    expect(r.problems).toEqual([]);
    expect(r.fields).toEqual(['aware_at', 'incident.id', 'n', 'naam', 'rows', 'zaak']);
    expect(r.tags.map((t) => [t.tag, t.kind, t.part])).toEqual([
      ['incident.id', 'value', 'word/document.xml'],
      ['aware_at | datum', 'value', 'word/document.xml'],
      ['rows', 'section', 'word/document.xml'],
      ['zaak', 'value', 'word/header1.xml'],
    ]);
    expect(r.tags[2]!.children!.map((c) => c.tag)).toEqual(['naam', 'n | aantal']);
  });

  it('finds raw XML tags and unknown filters; a non-docx is a problem, not a throw', () => {
    const r = listTags(makeDocx(p('{@raw}') + p('{x | nope}')), 'docx', { templatePath: 'm.docx' });
    expect(r.problems.map((q) => [q.code, q.xtag, q.part])).toEqual([
      ['DL-TEMPLATE-FORBIDDEN', 'raw', 'word/document.xml'],
      ['DL-TEMPLATE-UNKNOWN-FILTER', 'x | nope', 'word/document.xml'],
    ]);
    expect(listTags(new Uint8Array([1, 2, 3]), 'docx').problems[0]!.code).toBe('DL-TEMPLATE-NOT-A-DOCX');
  });

  it('lets a linter compare the .docx and the Markdown version of a document', () => {
    const docx = listTags(makeDocx(p('{naam} {aware_at | datum}') + p('{#rows}{titel}{/rows}')), 'docx');
    const md = listTags('{naam} {aware_at | datumtijd}\n{#rows}\n- {titel} ({status})\n{/rows}\n', 'text');
    const onlyMd = md.fields.filter((f) => !docx.fields.includes(f));
    const onlyDocx = docx.fields.filter((f) => !md.fields.includes(f));
    expect(onlyMd).toEqual(['status']);
    expect(onlyDocx).toEqual([]);
  });
});
