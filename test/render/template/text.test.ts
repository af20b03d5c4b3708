import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { TemplateError, isTemplateError, toDiagnostics } from '../../../src/render/template/errors.js';
import { escapeMarkdown } from '../../../src/render/template/escape.js';
import { prepareTextTemplate, renderText } from '../../../src/render/template/text.js';

const fixtures = fileURLToPath(new URL('../../fixtures/render-template/', import.meta.url));
const fixture = (name: string): string => readFileSync(fixtures + name, 'utf8');

const plain = { templatePath: 't.md', escape: (s: string) => s };
const md = { templatePath: 't.md', incident: '2026-004', escape: escapeMarkdown };
const html = (s: string): string => new Marked({ gfm: true }).parse(s, { async: false });

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

const letterData = {
  incident: { id: '2026-004', aware_at: '2026-07-01T12:30:00Z' },
  betrokkene: { naam: 'mevrouw De Vries' },
  aantal_betrokkenen: 1250,
  gegevens: ['naam', 'adres', 'BSN'],
  maatregelen: [
    { titel: 'Wachtwoorden gereset', gedaan_op: '2026-07-02' },
    { titel: 'Ontvanger gevraagd de e-mail te verwijderen', gedaan_op: '2026-07-01T16:00:00+02:00' },
  ],
  melding_ap: true,
  risico: 'high',
  organisatie: { naam: 'Van Dam Advocaten' },
};

describe('renderText', () => {
  it('renders the letter fixture: nested objects, filters, loops, conditions, comparisons', () => {
    const out = renderText(fixture('brief-betrokkene.md'), letterData, md);
    expect(out).toBe(
      [
        '# Melding datalek 2026\\-004',
        '',
        'Beste Mevrouw De Vries,',
        '',
        'Op 1 juli 2026 om 14\\:30 uur ontdekten wij dat gegevens van 1\\.250 personen zijn ingezien.',
        'Het ging om: naam\\, adres en BSN.',
        '',
        'Wat wij hebben gedaan:',
        '- Wachtwoorden gereset (op 2 juli 2026)',
        '- Ontvanger gevraagd de e\\-mail te verwijderen (op 1 juli 2026)',
        'Wij hebben de Autoriteit Persoonsgegevens ingelicht.',
        '',
        'Met vriendelijke groet,',
        'Van Dam Advocaten',
        '',
      ].join('\n'),
    );
    const h = html(out);
    expect(h).toContain('<li>Wachtwoorden gereset (op 2 juli 2026)</li>');
    expect(h).toContain('1.250 personen');
  });

  it('inverted sections and false conditions', () => {
    const out = renderText(fixture('brief-betrokkene.md'), { ...letterData, maatregelen: [], melding_ap: false }, md);
    expect(out).toContain('Wij hebben nog geen maatregelen genomen.');
    expect(out).not.toContain('Wat wij hebben gedaan');
    expect(out).not.toContain('Autoriteit');
  });

  it('renders the French fixture with French filters', () => {
    const out = renderText(
      fixture('lettre.md'),
      { $zone: 'Europe/Brussels', incident: { aware_at: '2026-02-01T07:05:00Z' }, n: 1, gegevens: ['nom', 'adresse'], melding_ap: false },
      plain,
    );
    expect(out).toContain('Le 1er février 2026 à 08h05, nous avons constaté une fuite concernant 1 personne (nom et adresse).');
    expect(out).toContain("Notification à l'autorité : non.");
  });

  it('comparisons, and/or/not, ternary, ?? fallback, $index, this', () => {
    const t = [
      '{#count > 100}veel{/}{#count <= 100}weinig{/}',
      '{#a and not b}A{/}{#a or b}O{/}{#!a}N{/}',
      '{count >= 1000 ? "groot" : "klein"}',
      '{onbekend ?? "n.v.t."}',
      '{#items}{$index + 1}. {.}; {/items}',
      '{#kind == "email_wrong_recipient"}mail{/}',
    ].join('|');
    expect(renderText(t, { count: 250, a: true, b: false, items: ['x', 'y'], kind: 'email_wrong_recipient' }, plain)).toBe(
      'veel|AO|klein|n.v.t.|1. x; 2. y; |mail',
    );
  });

  it('nested loops see outer fields', () => {
    const t = '{#groepen}{naam}: {#leden}{.} ({org}){/leden}; {/groepen}';
    expect(renderText(t, { org: 'ACME', groepen: [{ naam: 'A', leden: ['p', 'q'] }, { naam: 'B', leden: ['r'] }] }, plain)).toBe(
      'A: p (ACME)q (ACME); B: r (ACME); ',
    );
  });

  it('numbers print as digits (0 included), booleans and objects do not print', () => {
    expect(renderText('{n}/{z}', { n: 1250, z: 0 }, plain)).toBe('1250/0');
    expect(errorOf(() => renderText('{ok}', { ok: true }, plain)).code).toBe('DL-TEMPLATE-NOT-SCALAR');
    expect(errorOf(() => renderText('{o}', { o: { a: 1 } }, plain)).code).toBe('DL-TEMPLATE-NOT-SCALAR');
    expect(errorOf(() => renderText('{l}', { l: ['a'] }, plain)).code).toBe('DL-TEMPLATE-NOT-SCALAR');
    expect(errorOf(() => renderText('{#l}{.}{/l}', { l: [{ a: 1 }] }, plain)).code).toBe('DL-TEMPLATE-NOT-SCALAR');
    expect(errorOf(() => renderText('{.}', { a: 1 }, plain)).code).toBe('DL-TEMPLATE-NOT-SCALAR');
  });

  it('standalone section lines vanish with their line break', () => {
    const t = 'Lijst:\n{#l}\n- {.}\n{/l}\nEinde\n  {^l}  \ngeen\n{/l}\n';
    expect(renderText(t, { l: ['a', 'b'] }, plain)).toBe('Lijst:\n- a\n- b\nEinde\n');
    expect(renderText(t, { l: [] }, plain)).toBe('Lijst:\nEinde\ngeen\n');
  });

  it('uses $zone from the data for dates, and refuses a bad one', () => {
    const t = '{at | tijd}';
    expect(renderText(t, { at: '2026-07-01T12:30:00Z' }, plain)).toBe('14:30');
    expect(renderText(t, { at: '2026-07-01T12:30:00Z', $zone: 'UTC' }, plain)).toBe('12:30');
    // renders in sequence with different zones do not leak into each other (angular-expressions caches compiled tags)
    expect(renderText(t, { at: '2026-07-01T12:30:00Z', $zone: 'America/New_York' }, plain)).toBe('08:30');
    expect(renderText(t, { at: '2026-07-01T12:30:00Z' }, plain)).toBe('14:30');
    const e = errorOf(() => renderText(t, { at: '2026-07-01T12:30:00Z', $zone: 'Nergens/Niets' }, plain));
    expect(e.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-BAD-VALUE', id: 'bad_zone', xtag: '$zone' });
  });

  it('does not change the data', () => {
    const data = { a: { b: 'x' }, l: [1, 2] };
    const before = JSON.stringify(data);
    renderText('{a.b}{#l}{.}{/l}', data, plain);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('escaping of hostile values (text shows literally after marked)', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '{#x}',
    '{x}',
    '**bold**',
    '[a](http://x)',
    '# kop',
    '> citaat',
    '1. lijst',
    '<img src=x onerror=alert(1)>',
    'regel 1\nregel 2',
  ];

  it.each(hostile.map((v) => [v]))('%j', (value) => {
    const out = renderText('Naam: {naam}\n\n- {naam}\n', { naam: value }, md);
    const h = html(out);
    expect(h).not.toMatch(/<(script|img|a|strong|em|h1|blockquote|ol|code)\b/);
    const text = h.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(text.replace(/\s+/g, ' ')).toContain(`Naam: ${value}`.replace(/\s+/g, ' '));
  });

  it('a value that looks like a tag is not rendered again', () => {
    expect(renderText('{a}', { a: '{b}', b: 'GEHEIM' }, plain)).toBe('{b}');
  });

  it('loops and conditions are not escaped', () => {
    expect(renderText('{#l}*{.}*{/l}', { l: ['a_b'] }, md)).toBe('*a\\_b*');
  });
});

describe('errors name the tag, the template and the incident', () => {
  it('collects every missing value of one render and fails once', () => {
    const t = 'Beste {naam},\n\nop {datum_ontdekt | datum} om {tijdstip}.\n{#l}{x.y}{/l}\n';
    const e = errorOf(() => renderText(t, { l: [{ x: {} }, { x: {} }] }, md));
    expect(e.code).toBe('DL-TEMPLATE-MISSING-VALUE');
    expect(e.templatePath).toBe('t.md');
    expect(e.incident).toBe('2026-004');
    expect(e.problems.map((p) => [p.xtag, p.line, p.column, p.code])).toEqual([
      ['naam', 1, 7, 'DL-TEMPLATE-MISSING-VALUE'],
      ['datum_ontdekt | datum', 3, 4, 'DL-TEMPLATE-MISSING-VALUE'],
      ['tijdstip', 3, 31, 'DL-TEMPLATE-MISSING-VALUE'],
      ['x.y', 4, 5, 'DL-TEMPLATE-MISSING-VALUE'], // twice in the loop, reported once
    ]);
    for (const p of e.problems) {
      expect(p.templatePath).toBe('t.md');
      expect(p.incident).toBe('2026-004');
    }
    expect(e.message).toContain('t.md: 4 template problems (incident 2026-004)');
    expect(e.message).toContain('1:7: {naam}: the data has no value for this tag');
    expect(e.message).toContain('{#l}, item 1');
    expect(e.problems[1]!.explanation).toContain('the filter "datum" got no value');
    expect(toDiagnostics(e)[0]).toMatchObject({ file: 't.md', line: 1, column: 7, field: 'naam', code: 'DL-TEMPLATE-MISSING-VALUE' });
  });

  it('never prints "undefined" or "null"', () => {
    expect(() => renderText('{a}', { a: null }, plain)).toThrow(TemplateError);
    expect(() => renderText('{a.b.c}', { a: {} }, plain)).toThrow(TemplateError);
    expect(() => renderText('{a | hoofdletter}', {}, plain)).toThrow(TemplateError);
  });

  it('a missing section value is simply false', () => {
    expect(renderText('{#x}ja{/x}{^x}nee{/x}', {}, plain)).toBe('nee');
  });

  it('syntax errors: all of them, with line and column in the original template', () => {
    const t = 'Regel 1\n{#a}\n{b c}\n{/d}\n{unclosed\n';
    const e = errorOf(() => renderText(t, {}, md));
    expect(e.problems.every((p) => p.code === 'DL-TEMPLATE-SYNTAX')).toBe(true);
    expect(e.problems.length).toBeGreaterThanOrEqual(2);
    expect(e.problems.map((p) => p.id)).toContain('unclosed_tag');
    for (const p of e.problems) expect(p.line).toBeGreaterThanOrEqual(2);
  });

  it('unknown filters', () => {
    const e = errorOf(() => renderText('{a | datumm}\n{b | upper}', { a: 'x', b: 'y' }, md));
    expect(e.problems.map((p) => [p.code, p.xtag, p.line])).toEqual([
      ['DL-TEMPLATE-UNKNOWN-FILTER', 'a | datumm', 1],
      ['DL-TEMPLATE-UNKNOWN-FILTER', 'b | upper', 2],
    ]);
    expect(e.problems[0]!.explanation).toBe('there is no filter called "datumm"');
  });

  it('bad values for a filter', () => {
    const e = errorOf(() => renderText('{a | datum}', { a: 'gisteren' }, md));
    expect(e.problems[0]).toMatchObject({ code: 'DL-TEMPLATE-BAD-VALUE', xtag: 'a | datum', id: 'scopeparser_execution_failed' });
  });

  it('isTemplateError finds a code among the problems', () => {
    const e = errorOf(() => renderText('{a}{b | nope}', {}, md));
    expect(isTemplateError(e, 'DL-TEMPLATE-UNKNOWN-FILTER')).toBe(true);
  });
});

describe('prepareTextTemplate', () => {
  it('maps offsets back to the original lines', () => {
    const t = 'a\n  {#x}  \nb {y}\n{/x}\nc';
    const p = prepareTextTemplate(t);
    expect(p.text).toBe('a\n{#x}b {y}\n{/x}c');
    expect(p.locate(p.text.indexOf('{y}'))).toEqual({ offset: t.indexOf('{y}'), line: 3, column: 3 });
    expect(p.locate(p.text.indexOf('{#x}'))).toEqual({ offset: t.indexOf('{#x}'), line: 2, column: 3 });
    expect(p.locate(p.text.indexOf('c'))).toEqual({ offset: t.length - 1, line: 5, column: 1 });
  });
});
